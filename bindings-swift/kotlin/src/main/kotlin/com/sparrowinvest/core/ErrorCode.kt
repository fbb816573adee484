// Written from sparrow-core's error catalogue by bindings-swift/tests/error_codes.rs;
// do not edit (SPARROW_WRITE_CODES=1 cargo test -p sparrow-core-uniffi rewrites it).
package com.sparrowinvest.core

/** Every code a [SparrowException] can carry (`e.code()`): compare with these, never with the text. */
object ErrorCode {
    const val MONEY_EMPTY = "money_empty"
    const val MONEY_TOO_LONG = "money_too_long"
    const val MONEY_SYNTAX = "money_syntax"
    const val MONEY_GROUPING = "money_grouping"
    const val MONEY_PRECISION = "money_precision"
    const val MONEY_OUT_OF_RANGE = "money_out_of_range"
    const val MONEY_NEGATIVE = "money_negative"
    const val MONEY_NOT_POSITIVE = "money_not_positive"
    const val MONEY_NOT_EXACT = "money_not_exact"
    const val MONEY_OVERFLOW = "money_overflow"
    const val ALLOCATE_NO_WEIGHTS = "allocate_no_weights"
    const val ALLOCATE_TOO_MANY_WEIGHTS = "allocate_too_many_weights"
    const val ALLOCATE_NEGATIVE_WEIGHT = "allocate_negative_weight"
    const val ALLOCATE_ZERO_WEIGHTS = "allocate_zero_weights"
    const val ALLOCATE_WEIGHT_PRECISION = "allocate_weight_precision"
    const val PAN_EMPTY = "pan_empty"
    const val PAN_TOO_LONG = "pan_too_long"
    const val PAN_LENGTH = "pan_length"
    const val PAN_FORMAT = "pan_format"
    const val PAN_HOLDER_TYPE = "pan_holder_type"
    const val IFSC_EMPTY = "ifsc_empty"
    const val IFSC_TOO_LONG = "ifsc_too_long"
    const val IFSC_LENGTH = "ifsc_length"
    const val IFSC_FORMAT = "ifsc_format"
    const val MOBILE_EMPTY = "mobile_empty"
    const val MOBILE_TOO_LONG = "mobile_too_long"
    const val MOBILE_LENGTH = "mobile_length"
    const val MOBILE_FORMAT = "mobile_format"
    const val MOBILE_COUNTRY = "mobile_country"
    const val MOBILE_START_DIGIT = "mobile_start_digit"
    const val EMAIL_EMPTY = "email_empty"
    const val EMAIL_TOO_LONG = "email_too_long"
    const val EMAIL_MISSING_AT = "email_missing_at"
    const val EMAIL_LOCAL_PART = "email_local_part"
    const val EMAIL_DOMAIN = "email_domain"
    const val PINCODE_EMPTY = "pincode_empty"
    const val PINCODE_TOO_LONG = "pincode_too_long"
    const val PINCODE_LENGTH = "pincode_length"
    const val PINCODE_FORMAT = "pincode_format"
    const val PINCODE_START_DIGIT = "pincode_start_digit"
    const val AADHAAR_EMPTY = "aadhaar_empty"
    const val AADHAAR_TOO_LONG = "aadhaar_too_long"
    const val AADHAAR_LENGTH = "aadhaar_length"
    const val AADHAAR_FORMAT = "aadhaar_format"
    const val AADHAAR_START_DIGIT = "aadhaar_start_digit"
    const val AADHAAR_CHECKSUM = "aadhaar_checksum"
    const val PROFILE_NOT_OBJECT = "profile_not_object"
    const val PROFILE_TOO_LARGE = "profile_too_large"
    const val PROFILE_JSON = "profile_json"
    const val PROFILE_DUPLICATE_KEY = "profile_duplicate_key"
    const val PROFILE_REQUIRED = "profile_required"
    const val PROFILE_UNKNOWN_FIELD = "profile_unknown_field"
    const val PROFILE_TYPE = "profile_type"
    const val PROFILE_OUT_OF_RANGE = "profile_out_of_range"
    const val PROFILE_NOT_ONE_OF = "profile_not_one_of"
    const val PROFILE_TOO_LONG = "profile_too_long"
    const val PROFILE_INVALID = "profile_invalid"
    const val PASSWORD_TOO_SHORT = "password_too_short"
    const val PASSWORD_TOO_LONG = "password_too_long"
    const val PASSWORD_NO_LOWERCASE = "password_no_lowercase"
    const val PASSWORD_NO_UPPERCASE = "password_no_uppercase"
    const val PASSWORD_NO_DIGIT = "password_no_digit"
    const val PASSWORD_NO_SPECIAL = "password_no_special"
    const val PASSWORD_INVALID_CHARACTER = "password_invalid_character"
    const val PASSWORD_CONTROL_CHARACTER = "password_control_character"
    const val PASSWORD_COMMON = "password_common"
    const val PASSWORD_CONTAINS_CONTEXT = "password_contains_context"
    const val PASSWORD_POLICY = "password_policy"
    const val PASSWORD_INPUT_TOO_LONG = "password_input_too_long"
    const val PASSWORD_HASH_MALFORMED = "password_hash_malformed"
    const val PASSWORD_HASH_UNSUPPORTED = "password_hash_unsupported"
    const val PASSWORD_HASH_TOO_COSTLY = "password_hash_too_costly"
    const val PASSWORD_PARAMS_WEAK = "password_params_weak"
    const val PASSWORD_RANDOM = "password_random"
    const val PASSWORD_BACKEND = "password_backend"
    const val TOKEN_TOO_LONG = "token_too_long"
    const val TOKEN_MALFORMED = "token_malformed"
    const val TOKEN_ALGORITHM = "token_algorithm"
    const val TOKEN_CRITICAL = "token_critical"
    const val TOKEN_SIGNATURE = "token_signature"
    const val TOKEN_EXPIRED = "token_expired"
    const val TOKEN_NOT_YET_VALID = "token_not_yet_valid"
    const val TOKEN_UNKNOWN_KID = "token_unknown_kid"
    const val TOKEN_MISSING_KID = "token_missing_kid"
    const val TOKEN_CLAIM_MISSING = "token_claim_missing"
    const val TOKEN_CLAIM_INVALID = "token_claim_invalid"
    const val TOKEN_WRONG_USE = "token_wrong_use"
    const val TOKEN_SIGNING = "token_signing"
    const val KEY_TOO_SHORT = "key_too_short"
    const val KEY_TOO_LONG = "key_too_long"
    const val KEY_KNOWN_DEFAULT = "key_known_default"
    const val KEY_STRUCTURED = "key_structured"
    const val KEY_PASSWORD_LIKE = "key_password_like"
    const val KEY_NOT_RANDOM = "key_not_random"
    const val KEY_LOW_ENTROPY = "key_low_entropy"
    const val KEY_BAD_KID = "key_bad_kid"
    const val DURATION_INVALID = "duration_invalid"
    const val DURATION_TOO_SHORT = "duration_too_short"
    const val DURATION_TOO_LONG = "duration_too_long"
    const val ENV_MISSING = "env_missing"
    const val ENV_INVALID = "env_invalid"
    const val ENV_PLACEHOLDER = "env_placeholder"
    const val ENV_WEAK_SECRET = "env_weak_secret"
    const val ENV_CORS_WILDCARD = "env_cors_wildcard"
    const val ENV_CORS_INSECURE = "env_cors_insecure"
    const val ENV_DEFAULT_CREDENTIAL = "env_default_credential"
    const val ENV_FILE_TOO_LARGE = "env_file_too_large"
    const val ENV_FILE_SYNTAX = "env_file_syntax"
    const val ENV_FILE_HASH = "env_file_hash"
    const val ENV_FILE_LINE_BREAK = "env_file_line_break"
    const val ENV_FILE_DUPLICATE = "env_file_duplicate"
    const val ENV_FILE_DISAGREE = "env_file_disagree"
    const val ALLOCATION_EMPTY = "allocation_empty"
    const val ALLOCATION_SUM = "allocation_sum"
    const val ALLOCATION_DUPLICATE = "allocation_duplicate"
    const val ALLOCATION_UNKNOWN_CLASS = "allocation_unknown_class"
    const val ALLOCATION_UNKNOWN_PERSONA = "allocation_unknown_persona"
    const val ALLOCATION_INVALID = "allocation_invalid"
    const val ALLOCATION_ZERO_WEIGHTS = "allocation_zero_weights"
    const val ALLOCATION_TOO_MANY = "allocation_too_many"
    const val STRATEGY_FORMAT = "strategy_format"
    const val SPLIT_BELOW_MINIMUM = "split_below_minimum"
    const val SPLIT_NOT_MULTIPLE = "split_not_multiple"
    const val SPLIT_UNREACHABLE = "split_unreachable"
    const val ALLOCATION_NOT_POSITIVE = "allocation_not_positive"
    const val REBALANCE_EMPTY = "rebalance_empty"
    const val ALLOCATION_OVERFLOW = "allocation_overflow"
    const val CONSTRAINT_UNKNOWN_TYPE = "constraint_unknown_type"
    const val CONSTRAINT_VALUE = "constraint_value"
    const val CONSTRAINT_FORMAT = "constraint_format"
    const val PORTFOLIO_EMPTY = "portfolio_empty"
    const val RISK_INPUT = "risk_input"
    const val PERSONA_RULES = "persona_rules"
    const val PERSONA_K = "persona_k"
    const val PERSONA_TRAINING = "persona_training"
    const val PERSONA_CANCELLED = "persona_cancelled"
    const val MODEL_NAME = "model_name"
    const val MODEL_NOT_FOUND = "model_not_found"
    const val MODEL_EXISTS = "model_exists"
    const val MODEL_NOT_REGULAR = "model_not_regular"
    const val MODEL_CORRUPT = "model_corrupt"
    const val MODEL_FORMAT_VERSION = "model_format_version"
    const val MODEL_IO = "model_io"
    const val RETURNS_TOO_FEW_FLOWS = "returns_too_few_flows"
    const val RETURNS_TOO_MANY_FLOWS = "returns_too_many_flows"
    const val RETURNS_NO_SIGN_CHANGE = "returns_no_sign_change"
    const val RETURNS_FLOW_BEFORE_START = "returns_flow_before_start"
    const val RETURNS_NO_ROOT = "returns_no_root"
    const val RETURNS_INPUT = "returns_input"
    const val PORTFOLIO_INPUT = "portfolio_input"
    const val PORTFOLIO_FUND_TABLE = "portfolio_fund_table"
    const val PORTFOLIO_TAX_TABLE = "portfolio_tax_table"
    const val API_KEY_FORMAT = "api_key_format"
    const val API_KEY_CHECKSUM = "api_key_checksum"
    const val API_KEY_ENVIRONMENT = "api_key_environment"
    const val API_KEY_UNKNOWN = "api_key_unknown"
    const val API_KEY_REVOKED = "api_key_revoked"
    const val API_KEY_EXPIRED = "api_key_expired"
    const val API_KEY_SCOPE = "api_key_scope"
    const val API_KEY_INPUT = "api_key_input"
    const val API_KEY_RECORD = "api_key_record"
    const val API_KEY_PEPPER = "api_key_pepper"
    const val MODE_UNKNOWN = "mode_unknown"
    const val POLICY_UNKNOWN = "policy_unknown"
    const val TOKEN_USE_UNKNOWN = "token_use_unknown"
    const val ROLE_UNKNOWN = "role_unknown"
    const val ALGORITHM_UNKNOWN = "algorithm_unknown"
    const val TRADE_SIDE_UNKNOWN = "trade_side_unknown"
    const val RISK_LEVEL_UNKNOWN = "risk_level_unknown"
    const val INPUT_TOO_DEEP = "input_too_deep"
    const val INPUT_NOT_FINITE = "input_not_finite"
    const val INPUT_NUMBER = "input_number"
    const val INPUT_NOT_UNICODE = "input_not_unicode"
    const val INPUT_TOO_LARGE = "input_too_large"
    const val TIME_ZONE_MISSING = "time_zone_missing"
    const val TIME_INVALID = "time_invalid"
    const val INPUT_TYPE = "input_type"
    const val INPUT_UNREADABLE = "input_unreadable"
    const val ABORTED = "aborted"
    const val ROW_ERRORS_UNKNOWN = "row_errors_unknown"
    const val COLUMN_MISSING = "column_missing"
    const val COLUMN_DUPLICATE = "column_duplicate"
    const val OPTION_UNKNOWN = "option_unknown"
    const val TRANSACTION_KIND_UNKNOWN = "transaction_kind_unknown"
    const val DATE_INVALID = "date_invalid"

    /** Every code, in the catalogue's order. */
    val ALL: List<String> = listOf(
        MONEY_EMPTY,
        MONEY_TOO_LONG,
        MONEY_SYNTAX,
        MONEY_GROUPING,
        MONEY_PRECISION,
        MONEY_OUT_OF_RANGE,
        MONEY_NEGATIVE,
        MONEY_NOT_POSITIVE,
        MONEY_NOT_EXACT,
        MONEY_OVERFLOW,
        ALLOCATE_NO_WEIGHTS,
        ALLOCATE_TOO_MANY_WEIGHTS,
        ALLOCATE_NEGATIVE_WEIGHT,
        ALLOCATE_ZERO_WEIGHTS,
        ALLOCATE_WEIGHT_PRECISION,
        PAN_EMPTY,
        PAN_TOO_LONG,
        PAN_LENGTH,
        PAN_FORMAT,
        PAN_HOLDER_TYPE,
        IFSC_EMPTY,
        IFSC_TOO_LONG,
        IFSC_LENGTH,
        IFSC_FORMAT,
        MOBILE_EMPTY,
        MOBILE_TOO_LONG,
        MOBILE_LENGTH,
        MOBILE_FORMAT,
        MOBILE_COUNTRY,
        MOBILE_START_DIGIT,
        EMAIL_EMPTY,
        EMAIL_TOO_LONG,
        EMAIL_MISSING_AT,
        EMAIL_LOCAL_PART,
        EMAIL_DOMAIN,
        PINCODE_EMPTY,
        PINCODE_TOO_LONG,
        PINCODE_LENGTH,
        PINCODE_FORMAT,
        PINCODE_START_DIGIT,
        AADHAAR_EMPTY,
        AADHAAR_TOO_LONG,
        AADHAAR_LENGTH,
        AADHAAR_FORMAT,
        AADHAAR_START_DIGIT,
        AADHAAR_CHECKSUM,
        PROFILE_NOT_OBJECT,
        PROFILE_TOO_LARGE,
        PROFILE_JSON,
        PROFILE_DUPLICATE_KEY,
        PROFILE_REQUIRED,
        PROFILE_UNKNOWN_FIELD,
        PROFILE_TYPE,
        PROFILE_OUT_OF_RANGE,
        PROFILE_NOT_ONE_OF,
        PROFILE_TOO_LONG,
        PROFILE_INVALID,
        PASSWORD_TOO_SHORT,
        PASSWORD_TOO_LONG,
        PASSWORD_NO_LOWERCASE,
        PASSWORD_NO_UPPERCASE,
        PASSWORD_NO_DIGIT,
        PASSWORD_NO_SPECIAL,
        PASSWORD_INVALID_CHARACTER,
        PASSWORD_CONTROL_CHARACTER,
        PASSWORD_COMMON,
        PASSWORD_CONTAINS_CONTEXT,
        PASSWORD_POLICY,
        PASSWORD_INPUT_TOO_LONG,
        PASSWORD_HASH_MALFORMED,
        PASSWORD_HASH_UNSUPPORTED,
        PASSWORD_HASH_TOO_COSTLY,
        PASSWORD_PARAMS_WEAK,
        PASSWORD_RANDOM,
        PASSWORD_BACKEND,
        TOKEN_TOO_LONG,
        TOKEN_MALFORMED,
        TOKEN_ALGORITHM,
        TOKEN_CRITICAL,
        TOKEN_SIGNATURE,
        TOKEN_EXPIRED,
        TOKEN_NOT_YET_VALID,
        TOKEN_UNKNOWN_KID,
        TOKEN_MISSING_KID,
        TOKEN_CLAIM_MISSING,
        TOKEN_CLAIM_INVALID,
        TOKEN_WRONG_USE,
        TOKEN_SIGNING,
        KEY_TOO_SHORT,
        KEY_TOO_LONG,
        KEY_KNOWN_DEFAULT,
        KEY_STRUCTURED,
        KEY_PASSWORD_LIKE,
        KEY_NOT_RANDOM,
        KEY_LOW_ENTROPY,
        KEY_BAD_KID,
        DURATION_INVALID,
        DURATION_TOO_SHORT,
        DURATION_TOO_LONG,
        ENV_MISSING,
        ENV_INVALID,
        ENV_PLACEHOLDER,
        ENV_WEAK_SECRET,
        ENV_CORS_WILDCARD,
        ENV_CORS_INSECURE,
        ENV_DEFAULT_CREDENTIAL,
        ENV_FILE_TOO_LARGE,
        ENV_FILE_SYNTAX,
        ENV_FILE_HASH,
        ENV_FILE_LINE_BREAK,
        ENV_FILE_DUPLICATE,
        ENV_FILE_DISAGREE,
        ALLOCATION_EMPTY,
        ALLOCATION_SUM,
        ALLOCATION_DUPLICATE,
        ALLOCATION_UNKNOWN_CLASS,
        ALLOCATION_UNKNOWN_PERSONA,
        ALLOCATION_INVALID,
        ALLOCATION_ZERO_WEIGHTS,
        ALLOCATION_TOO_MANY,
        STRATEGY_FORMAT,
        SPLIT_BELOW_MINIMUM,
        SPLIT_NOT_MULTIPLE,
        SPLIT_UNREACHABLE,
        ALLOCATION_NOT_POSITIVE,
        REBALANCE_EMPTY,
        ALLOCATION_OVERFLOW,
        CONSTRAINT_UNKNOWN_TYPE,
        CONSTRAINT_VALUE,
        CONSTRAINT_FORMAT,
        PORTFOLIO_EMPTY,
        RISK_INPUT,
        PERSONA_RULES,
        PERSONA_K,
        PERSONA_TRAINING,
        PERSONA_CANCELLED,
        MODEL_NAME,
        MODEL_NOT_FOUND,
        MODEL_EXISTS,
        MODEL_NOT_REGULAR,
        MODEL_CORRUPT,
        MODEL_FORMAT_VERSION,
        MODEL_IO,
        RETURNS_TOO_FEW_FLOWS,
        RETURNS_TOO_MANY_FLOWS,
        RETURNS_NO_SIGN_CHANGE,
        RETURNS_FLOW_BEFORE_START,
        RETURNS_NO_ROOT,
        RETURNS_INPUT,
        PORTFOLIO_INPUT,
        PORTFOLIO_FUND_TABLE,
        PORTFOLIO_TAX_TABLE,
        API_KEY_FORMAT,
        API_KEY_CHECKSUM,
        API_KEY_ENVIRONMENT,
        API_KEY_UNKNOWN,
        API_KEY_REVOKED,
        API_KEY_EXPIRED,
        API_KEY_SCOPE,
        API_KEY_INPUT,
        API_KEY_RECORD,
        API_KEY_PEPPER,
        MODE_UNKNOWN,
        POLICY_UNKNOWN,
        TOKEN_USE_UNKNOWN,
        ROLE_UNKNOWN,
        ALGORITHM_UNKNOWN,
        TRADE_SIDE_UNKNOWN,
        RISK_LEVEL_UNKNOWN,
        INPUT_TOO_DEEP,
        INPUT_NOT_FINITE,
        INPUT_NUMBER,
        INPUT_NOT_UNICODE,
        INPUT_TOO_LARGE,
        TIME_ZONE_MISSING,
        TIME_INVALID,
        INPUT_TYPE,
        INPUT_UNREADABLE,
        ABORTED,
        ROW_ERRORS_UNKNOWN,
        COLUMN_MISSING,
        COLUMN_DUPLICATE,
        OPTION_UNKNOWN,
        TRANSACTION_KIND_UNKNOWN,
        DATE_INVALID,
    )
}

/** Every `kind` a [SparrowException] can carry (`e.kind()`). */
object ErrorKind {
    const val INPUT = "input"
    const val MONEY = "money"
    const val PASSWORD_POLICY = "password_policy"
    const val TOKEN = "token"
    const val CONFIG = "config"
    const val MODEL = "model"

    /** Every kind. */
    val ALL: List<String> = listOf(INPUT, MONEY, PASSWORD_POLICY, TOKEN, CONFIG, MODEL)
}
