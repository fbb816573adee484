// Written from sparrow-core's error catalogue by bindings-swift/tests/error_codes.rs;
// do not edit (SPARROW_WRITE_CODES=1 cargo test -p sparrow-core-uniffi rewrites it).

/// Every code a `SparrowError` can carry (`error.code()`): compare with these, never with the text.
public enum ErrorCode {
    public static let moneyEmpty = "money_empty"
    public static let moneyTooLong = "money_too_long"
    public static let moneySyntax = "money_syntax"
    public static let moneyGrouping = "money_grouping"
    public static let moneyPrecision = "money_precision"
    public static let moneyOutOfRange = "money_out_of_range"
    public static let moneyNegative = "money_negative"
    public static let moneyNotPositive = "money_not_positive"
    public static let moneyNotExact = "money_not_exact"
    public static let moneyOverflow = "money_overflow"
    public static let allocateNoWeights = "allocate_no_weights"
    public static let allocateTooManyWeights = "allocate_too_many_weights"
    public static let allocateNegativeWeight = "allocate_negative_weight"
    public static let allocateZeroWeights = "allocate_zero_weights"
    public static let allocateWeightPrecision = "allocate_weight_precision"
    public static let panEmpty = "pan_empty"
    public static let panTooLong = "pan_too_long"
    public static let panLength = "pan_length"
    public static let panFormat = "pan_format"
    public static let panHolderType = "pan_holder_type"
    public static let ifscEmpty = "ifsc_empty"
    public static let ifscTooLong = "ifsc_too_long"
    public static let ifscLength = "ifsc_length"
    public static let ifscFormat = "ifsc_format"
    public static let mobileEmpty = "mobile_empty"
    public static let mobileTooLong = "mobile_too_long"
    public static let mobileLength = "mobile_length"
    public static let mobileFormat = "mobile_format"
    public static let mobileCountry = "mobile_country"
    public static let mobileStartDigit = "mobile_start_digit"
    public static let emailEmpty = "email_empty"
    public static let emailTooLong = "email_too_long"
    public static let emailMissingAt = "email_missing_at"
    public static let emailLocalPart = "email_local_part"
    public static let emailDomain = "email_domain"
    public static let pincodeEmpty = "pincode_empty"
    public static let pincodeTooLong = "pincode_too_long"
    public static let pincodeLength = "pincode_length"
    public static let pincodeFormat = "pincode_format"
    public static let pincodeStartDigit = "pincode_start_digit"
    public static let aadhaarEmpty = "aadhaar_empty"
    public static let aadhaarTooLong = "aadhaar_too_long"
    public static let aadhaarLength = "aadhaar_length"
    public static let aadhaarFormat = "aadhaar_format"
    public static let aadhaarStartDigit = "aadhaar_start_digit"
    public static let aadhaarChecksum = "aadhaar_checksum"
    public static let profileNotObject = "profile_not_object"
    public static let profileTooLarge = "profile_too_large"
    public static let profileJson = "profile_json"
    public static let profileDuplicateKey = "profile_duplicate_key"
    public static let profileRequired = "profile_required"
    public static let profileUnknownField = "profile_unknown_field"
    public static let profileType = "profile_type"
    public static let profileOutOfRange = "profile_out_of_range"
    public static let profileNotOneOf = "profile_not_one_of"
    public static let profileTooLong = "profile_too_long"
    public static let profileInvalid = "profile_invalid"
    public static let passwordTooShort = "password_too_short"
    public static let passwordTooLong = "password_too_long"
    public static let passwordNoLowercase = "password_no_lowercase"
    public static let passwordNoUppercase = "password_no_uppercase"
    public static let passwordNoDigit = "password_no_digit"
    public static let passwordNoSpecial = "password_no_special"
    public static let passwordInvalidCharacter = "password_invalid_character"
    public static let passwordControlCharacter = "password_control_character"
    public static let passwordCommon = "password_common"
    public static let passwordContainsContext = "password_contains_context"
    public static let passwordPolicy = "password_policy"
    public static let passwordInputTooLong = "password_input_too_long"
    public static let passwordHashMalformed = "password_hash_malformed"
    public static let passwordHashUnsupported = "password_hash_unsupported"
    public static let passwordHashTooCostly = "password_hash_too_costly"
    public static let passwordParamsWeak = "password_params_weak"
    public static let passwordRandom = "password_random"
    public static let passwordBackend = "password_backend"
    public static let tokenTooLong = "token_too_long"
    public static let tokenMalformed = "token_malformed"
    public static let tokenAlgorithm = "token_algorithm"
    public static let tokenCritical = "token_critical"
    public static let tokenSignature = "token_signature"
    public static let tokenExpired = "token_expired"
    public static let tokenNotYetValid = "token_not_yet_valid"
    public static let tokenUnknownKid = "token_unknown_kid"
    public static let tokenMissingKid = "token_missing_kid"
    public static let tokenClaimMissing = "token_claim_missing"
    public static let tokenClaimInvalid = "token_claim_invalid"
    public static let tokenWrongUse = "token_wrong_use"
    public static let tokenSigning = "token_signing"
    public static let keyTooShort = "key_too_short"
    public static let keyTooLong = "key_too_long"
    public static let keyKnownDefault = "key_known_default"
    public static let keyStructured = "key_structured"
    public static let keyPasswordLike = "key_password_like"
    public static let keyNotRandom = "key_not_random"
    public static let keyLowEntropy = "key_low_entropy"
    public static let keyBadKid = "key_bad_kid"
    public static let durationInvalid = "duration_invalid"
    public static let durationTooShort = "duration_too_short"
    public static let durationTooLong = "duration_too_long"
    public static let envMissing = "env_missing"
    public static let envInvalid = "env_invalid"
    public static let envPlaceholder = "env_placeholder"
    public static let envWeakSecret = "env_weak_secret"
    public static let envCorsWildcard = "env_cors_wildcard"
    public static let envCorsInsecure = "env_cors_insecure"
    public static let envDefaultCredential = "env_default_credential"
    public static let envFileTooLarge = "env_file_too_large"
    public static let envFileSyntax = "env_file_syntax"
    public static let envFileHash = "env_file_hash"
    public static let envFileLineBreak = "env_file_line_break"
    public static let envFileDuplicate = "env_file_duplicate"
    public static let envFileDisagree = "env_file_disagree"
    public static let allocationEmpty = "allocation_empty"
    public static let allocationSum = "allocation_sum"
    public static let allocationDuplicate = "allocation_duplicate"
    public static let allocationUnknownClass = "allocation_unknown_class"
    public static let allocationUnknownPersona = "allocation_unknown_persona"
    public static let allocationInvalid = "allocation_invalid"
    public static let allocationZeroWeights = "allocation_zero_weights"
    public static let allocationTooMany = "allocation_too_many"
    public static let strategyFormat = "strategy_format"
    public static let splitBelowMinimum = "split_below_minimum"
    public static let splitNotMultiple = "split_not_multiple"
    public static let splitUnreachable = "split_unreachable"
    public static let allocationNotPositive = "allocation_not_positive"
    public static let rebalanceEmpty = "rebalance_empty"
    public static let allocationOverflow = "allocation_overflow"
    public static let constraintUnknownType = "constraint_unknown_type"
    public static let constraintValue = "constraint_value"
    public static let constraintFormat = "constraint_format"
    public static let portfolioEmpty = "portfolio_empty"
    public static let riskInput = "risk_input"
    public static let personaRules = "persona_rules"
    public static let personaK = "persona_k"
    public static let personaTraining = "persona_training"
    public static let personaCancelled = "persona_cancelled"
    public static let modelName = "model_name"
    public static let modelNotFound = "model_not_found"
    public static let modelExists = "model_exists"
    public static let modelNotRegular = "model_not_regular"
    public static let modelCorrupt = "model_corrupt"
    public static let modelFormatVersion = "model_format_version"
    public static let modelIo = "model_io"
    public static let returnsTooFewFlows = "returns_too_few_flows"
    public static let returnsTooManyFlows = "returns_too_many_flows"
    public static let returnsNoSignChange = "returns_no_sign_change"
    public static let returnsFlowBeforeStart = "returns_flow_before_start"
    public static let returnsNoRoot = "returns_no_root"
    public static let returnsInput = "returns_input"
    public static let portfolioInput = "portfolio_input"
    public static let portfolioFundTable = "portfolio_fund_table"
    public static let portfolioTaxTable = "portfolio_tax_table"
    public static let apiKeyFormat = "api_key_format"
    public static let apiKeyChecksum = "api_key_checksum"
    public static let apiKeyEnvironment = "api_key_environment"
    public static let apiKeyUnknown = "api_key_unknown"
    public static let apiKeyRevoked = "api_key_revoked"
    public static let apiKeyExpired = "api_key_expired"
    public static let apiKeyScope = "api_key_scope"
    public static let apiKeyInput = "api_key_input"
    public static let apiKeyRecord = "api_key_record"
    public static let apiKeyPepper = "api_key_pepper"
    public static let modeUnknown = "mode_unknown"
    public static let policyUnknown = "policy_unknown"
    public static let tokenUseUnknown = "token_use_unknown"
    public static let roleUnknown = "role_unknown"
    public static let algorithmUnknown = "algorithm_unknown"
    public static let tradeSideUnknown = "trade_side_unknown"
    public static let riskLevelUnknown = "risk_level_unknown"
    public static let inputTooDeep = "input_too_deep"
    public static let inputNotFinite = "input_not_finite"
    public static let inputNumber = "input_number"
    public static let inputNotUnicode = "input_not_unicode"
    public static let inputTooLarge = "input_too_large"
    public static let timeZoneMissing = "time_zone_missing"
    public static let timeInvalid = "time_invalid"
    public static let inputType = "input_type"
    public static let inputUnreadable = "input_unreadable"
    public static let aborted = "aborted"
    public static let rowErrorsUnknown = "row_errors_unknown"
    public static let columnMissing = "column_missing"
    public static let columnDuplicate = "column_duplicate"
    public static let optionUnknown = "option_unknown"
    public static let transactionKindUnknown = "transaction_kind_unknown"
    public static let dateInvalid = "date_invalid"

    /// Every code, in the catalogue's order.
    public static let all: [String] = [
        moneyEmpty,
        moneyTooLong,
        moneySyntax,
        moneyGrouping,
        moneyPrecision,
        moneyOutOfRange,
        moneyNegative,
        moneyNotPositive,
        moneyNotExact,
        moneyOverflow,
        allocateNoWeights,
        allocateTooManyWeights,
        allocateNegativeWeight,
        allocateZeroWeights,
        allocateWeightPrecision,
        panEmpty,
        panTooLong,
        panLength,
        panFormat,
        panHolderType,
        ifscEmpty,
        ifscTooLong,
        ifscLength,
        ifscFormat,
        mobileEmpty,
        mobileTooLong,
        mobileLength,
        mobileFormat,
        mobileCountry,
        mobileStartDigit,
        emailEmpty,
        emailTooLong,
        emailMissingAt,
        emailLocalPart,
        emailDomain,
        pincodeEmpty,
        pincodeTooLong,
        pincodeLength,
        pincodeFormat,
        pincodeStartDigit,
        aadhaarEmpty,
        aadhaarTooLong,
        aadhaarLength,
        aadhaarFormat,
        aadhaarStartDigit,
        aadhaarChecksum,
        profileNotObject,
        profileTooLarge,
        profileJson,
        profileDuplicateKey,
        profileRequired,
        profileUnknownField,
        profileType,
        profileOutOfRange,
        profileNotOneOf,
        profileTooLong,
        profileInvalid,
        passwordTooShort,
        passwordTooLong,
        passwordNoLowercase,
        passwordNoUppercase,
        passwordNoDigit,
        passwordNoSpecial,
        passwordInvalidCharacter,
        passwordControlCharacter,
        passwordCommon,
        passwordContainsContext,
        passwordPolicy,
        passwordInputTooLong,
        passwordHashMalformed,
        passwordHashUnsupported,
        passwordHashTooCostly,
        passwordParamsWeak,
        passwordRandom,
        passwordBackend,
        tokenTooLong,
        tokenMalformed,
        tokenAlgorithm,
        tokenCritical,
        tokenSignature,
        tokenExpired,
        tokenNotYetValid,
        tokenUnknownKid,
        tokenMissingKid,
        tokenClaimMissing,
        tokenClaimInvalid,
        tokenWrongUse,
        tokenSigning,
        keyTooShort,
        keyTooLong,
        keyKnownDefault,
        keyStructured,
        keyPasswordLike,
        keyNotRandom,
        keyLowEntropy,
        keyBadKid,
        durationInvalid,
        durationTooShort,
        durationTooLong,
        envMissing,
        envInvalid,
        envPlaceholder,
        envWeakSecret,
        envCorsWildcard,
        envCorsInsecure,
        envDefaultCredential,
        envFileTooLarge,
        envFileSyntax,
        envFileHash,
        envFileLineBreak,
        envFileDuplicate,
        envFileDisagree,
        allocationEmpty,
        allocationSum,
        allocationDuplicate,
        allocationUnknownClass,
        allocationUnknownPersona,
        allocationInvalid,
        allocationZeroWeights,
        allocationTooMany,
        strategyFormat,
        splitBelowMinimum,
        splitNotMultiple,
        splitUnreachable,
        allocationNotPositive,
        rebalanceEmpty,
        allocationOverflow,
        constraintUnknownType,
        constraintValue,
        constraintFormat,
        portfolioEmpty,
        riskInput,
        personaRules,
        personaK,
        personaTraining,
        personaCancelled,
        modelName,
        modelNotFound,
        modelExists,
        modelNotRegular,
        modelCorrupt,
        modelFormatVersion,
        modelIo,
        returnsTooFewFlows,
        returnsTooManyFlows,
        returnsNoSignChange,
        returnsFlowBeforeStart,
        returnsNoRoot,
        returnsInput,
        portfolioInput,
        portfolioFundTable,
        portfolioTaxTable,
        apiKeyFormat,
        apiKeyChecksum,
        apiKeyEnvironment,
        apiKeyUnknown,
        apiKeyRevoked,
        apiKeyExpired,
        apiKeyScope,
        apiKeyInput,
        apiKeyRecord,
        apiKeyPepper,
        modeUnknown,
        policyUnknown,
        tokenUseUnknown,
        roleUnknown,
        algorithmUnknown,
        tradeSideUnknown,
        riskLevelUnknown,
        inputTooDeep,
        inputNotFinite,
        inputNumber,
        inputNotUnicode,
        inputTooLarge,
        timeZoneMissing,
        timeInvalid,
        inputType,
        inputUnreadable,
        aborted,
        rowErrorsUnknown,
        columnMissing,
        columnDuplicate,
        optionUnknown,
        transactionKindUnknown,
        dateInvalid,
    ]
}

/// Every `kind` a `SparrowError` can carry (`error.kind()`).
public enum ErrorKind {
    public static let input = "input"
    public static let money = "money"
    public static let passwordPolicy = "password_policy"
    public static let token = "token"
    public static let config = "config"
    public static let model = "model"

    /// Every kind.
    public static let all: [String] = [input, money, passwordPolicy, token, config, model]
}
