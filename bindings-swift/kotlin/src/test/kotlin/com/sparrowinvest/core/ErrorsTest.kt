package com.sparrowinvest.core

import java.io.File
import java.math.BigDecimal
import java.nio.file.Files
import java.time.Instant
import java.time.LocalDate
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/**
 * Every error code reachable from Kotlin, asserted by `code()` — and the rest named,
 * each with the reason Kotlin cannot reach it. Together they must be exactly the
 * core's catalogue (allCodes()), and ErrorCode.ALL must be too.
 */
class ErrorsTest {
    private val unreachable = mapOf(
        "api_key_environment" to "verifying API keys is server-side only (no pepper on a device)",
        "api_key_unknown" to "verifying API keys is server-side only (no pepper on a device)",
        "api_key_revoked" to "verifying API keys is server-side only (no pepper on a device)",
        "api_key_expired" to "verifying API keys is server-side only (no pepper on a device)",
        "api_key_scope" to "verifying API keys is server-side only (no pepper on a device)",
        "api_key_input" to "issuing API keys is server-side only",
        "api_key_record" to "verifying API keys is server-side only (no key store on a device)",
        "api_key_pepper" to "verifying API keys is server-side only (no pepper on a device)",
        "password_random" to "the OS random source failing (environmental)",
        "password_backend" to "the hashing backend failing (environmental)",
        "token_signing" to "the signer failing (environmental)",
        "password_params_weak" to "argon2 parameters are not configurable from Kotlin",
        "persona_rules" to "scoring tables as data are not exposed",
        "persona_cancelled" to "training has no cancellation hook in the mobile packages",
        "aborted" to "there are no abort signals in the mobile packages",
        "time_zone_missing" to "an Instant always names a point in time",
        "time_invalid" to "an Instant is floored to whole seconds, as api.md says",
        "trade_side_unknown" to "trade sides are an enum",
        "risk_level_unknown" to "risk levels are outputs only",
        "mode_unknown" to "validation modes are an enum",
        "policy_unknown" to "password policies are an enum",
        "token_use_unknown" to "token uses are an enum",
        "algorithm_unknown" to "k-means algorithms are an enum",
        "money_negative" to "only through Money arithmetic the mobile packages do not expose",
        "input_number" to "BigDecimal.toPlainString() is always plain decimal text",
        "input_not_finite" to "BigDecimal, Long and Int hold only finite numbers",
        "input_not_unicode" to "a String with a lone surrogate is refused by the generated code before the call (MalformedInputException, tested in HostileTest)",
        "input_type" to "argument types are checked by the Kotlin compiler",
        "input_unreadable" to "records are plain data: nothing runs while they are read",
        "input_too_deep" to "no host value is walked into JSON: records are typed (JSON text has the core's own depth rule)",
        "input_too_large" to "no JSON value is built from host objects (its budget is Node's and Python's)",
        "option_unknown" to "named arguments are checked by the Kotlin compiler",
        "row_errors_unknown" to "the Arrow batch functions are Python only",
        "column_missing" to "the Arrow batch functions are Python only",
        "column_duplicate" to "the Arrow batch functions are Python only",
        "env_missing" to "checkEnv is a server function (left out, api.md)",
        "env_invalid" to "checkEnv is left out",
        "env_placeholder" to "checkEnv is left out",
        "env_weak_secret" to "checkEnv is left out",
        "env_cors_wildcard" to "checkEnv is left out",
        "env_cors_insecure" to "checkEnv is left out",
        "env_default_credential" to "checkEnv is left out",
        "env_file_too_large" to "no .env reader in the mobile packages",
        "env_file_syntax" to "no .env reader",
        "env_file_hash" to "no .env reader",
        "env_file_line_break" to "no .env reader",
        "env_file_duplicate" to "no .env reader",
        "env_file_disagree" to "no .env reader",
    )

    private val ring = Keyring("k1", SECRET)
    private val who = TokenSubject(sub = "u", email = "e@x.in", role = "user")
    private val t1000: Instant = Instant.ofEpochSecond(1000)

    private fun at(r: Keyring, issuer: String? = null, use: TokenUse? = null) =
        issueToken(who, r, expiresIn = "1h", now = t1000, issuer = issuer, tokenUse = use)

    private fun verify(token: String, r: Keyring = ring, now: Long = 1000, issuer: String? = null) =
        { verifyToken(token, r, now = Instant.ofEpochSecond(now), issuer = issuer) }

    private fun db(parts: List<Pair<String, String>>) = Strategy.fromDb(
        json.writeValueAsString(
            mapOf(
                "name" to "x",
                "components" to parts.map { (c, p) -> mapOf("label" to c, "assetClass" to c, "allocationPercent" to p) },
                "constraints" to emptyList<Any>(),
            ),
        ),
    )

    private fun slot(id: String, min: String, multiple: String) =
        FundSlot(id, BigDecimal.ONE, BigDecimal(min), BigDecimal(multiple))

    private val holding = listOf(Holding("a", "Equity", BigDecimal.ONE))
    private val row = ProfileInput(age = 30, horizonYears = 5)

    private fun pairs(): List<Pair<String, () -> Any?>> = listOf(
        "money_empty" to { parseMoney("") },
        "money_too_long" to { parseMoney("1".repeat(70)) },
        "money_syntax" to { parseMoney("1e5") },
        "money_grouping" to { parseMoney("1,2,3") },
        "money_precision" to { parseMoney("1.234") },
        "money_not_positive" to { unitsFor(BigDecimal("100"), BigDecimal.ZERO) },
        "money_overflow" to { formatInr(BigDecimal("9".repeat(40))) },
        "money_out_of_range" to { valueOf(BigDecimal("99999999999"), BigDecimal("99999")) },
        "allocate_no_weights" to { allocate(BigDecimal.ONE, emptyList()) },
        "allocate_too_many_weights" to { allocate(BigDecimal.ONE, List(10001) { BigDecimal.ONE }) },
        "allocate_negative_weight" to { allocate(BigDecimal.ONE, listOf(BigDecimal("-1"))) },
        "allocate_zero_weights" to { allocate(BigDecimal.ONE, listOf(BigDecimal.ZERO)) },
        "allocate_weight_precision" to { allocate(BigDecimal.ONE, listOf(BigDecimal("0.0000000000001"))) },
        "pan_format" to { validatePan("ABCPE12345") },
        "pan_length" to { validatePan("ABC") },
        "pan_holder_type" to { validatePan("ABCXE1234F") },
        "ifsc_length" to { validateIfsc("HDFC") },
        "ifsc_format" to { validateIfsc("HDFC1001234") },
        "mobile_length" to { validateMobile("98765") },
        "mobile_format" to { validateMobile("98765x43210") },
        "mobile_country" to { validateMobile("+1 415 555 0100") },
        "mobile_start_digit" to { validateMobile("5876543210") },
        "email_missing_at" to { validateEmail("nobody") },
        "email_local_part" to { validateEmail("a..b@example.com") },
        "email_domain" to { validateEmail("a@example") },
        "pincode_length" to { validatePincode("5600") },
        "pincode_format" to { validatePincode("56000a") },
        "pincode_start_digit" to { validatePincode("060001") },
        "aadhaar_length" to { validateAadhaar("2345") },
        "aadhaar_format" to { validateAadhaar("23456789012x") },
        "aadhaar_start_digit" to { validateAadhaar("134567890124") },
        "aadhaar_checksum" to { validateAadhaar("234567890123") },
        "profile_invalid" to { validateProfile(ProfileInput()) },
        "password_policy" to { requirePassword("x", PasswordPolicyName.NIST) },
        "password_input_too_long" to { verifyPassword("x".repeat(5000), "") },
        "password_hash_malformed" to { verifyPassword("x", "\$2b\$05\$short") },
        "password_hash_unsupported" to { verifyPassword("x", "\$2x\$05\$/OK.fbVrR/bpIqNJ5ianF.CE5elHaaO4EbggVDjb8P19RukzXSM3e") },
        "password_hash_too_costly" to { verifyPassword("x", "\$2b\$20\$/OK.fbVrR/bpIqNJ5ianF.CE5elHaaO4EbggVDjb8P19RukzXSM3e") },
        "key_too_short" to { Keyring("k", "too short") },
        "key_too_long" to { Keyring("k", "x".repeat(10 * 1024 * 1024)) },
        "key_known_default" to { Keyring("k", "your-super-secret-jwt-key-change-in-production") },
        "key_structured" to { Keyring("k", "-----BEGIN KEY----- 0123456789abcdefghijklmnop") },
        "key_low_entropy" to { Keyring("k", "a".repeat(64)) },
        "key_not_random" to { Keyring("k", "Tr0ub4dor&3Tr0ub4dor&3Tr0ub4dor&3Tr0ub4dor&3") },
        "key_password_like" to { Keyring("k", "correcthorsebatterystaplecorrecthorse123456") },
        "key_bad_kid" to { Keyring("", SECRET) },
        "duration_invalid" to { parseDuration("7 fortnights") },
        "duration_too_short" to { parseDuration("60") },
        "duration_too_long" to { parseDuration("11y") },
        "token_too_long" to verify("a".repeat(9000)),
        "token_malformed" to verify("a.b"),
        "token_algorithm" to verify("eyJhbGciOiJub25lIn0.e30."),
        "token_critical" to verify("eyJhbGciOiJIUzI1NiIsImNyaXQiOlsieCJdfQ.e30."),
        "token_signature" to verify(at(ring), Keyring("k1", SECOND_SECRET)),
        "token_expired" to verify(at(ring), ring, now = 99999),
        "token_not_yet_valid" to verify(at(ring), ring, now = 900),
        "token_unknown_kid" to verify(at(ring), Keyring("k2", SECRET)),
        "token_missing_kid" to verify(at(Keyring.legacy(SECRET))),
        "token_claim_missing" to verify(at(ring), ring, issuer = "b"),
        "token_claim_invalid" to verify(at(ring, issuer = "a"), ring, issuer = "b"),
        "token_wrong_use" to { verifyToken(at(ring, use = TokenUse.REFRESH), ring, now = t1000) },
        "allocation_empty" to { db(emptyList()).allocation() },
        "allocation_sum" to { db(listOf("equity" to "99")).allocation() },
        "allocation_duplicate" to { db(listOf("equity" to "50", "equity" to "50")).allocation() },
        "allocation_invalid" to { blendAllocation(listOf(PersonaWeight(PersonaId.CAPITAL_GUARDIAN, BigDecimal("-1")))) },
        "allocation_too_many" to { splitAmount(BigDecimal.ONE, List(1001) { slot("$it", "0", "1") }) },
        "allocation_unknown_class" to { Strategy.fromMl("{\"allocation\": {\"cash\": 1}}") },
        "allocation_unknown_persona" to { strategyFor("bold") },
        "allocation_not_positive" to { splitAmount(BigDecimal.ZERO, listOf(slot("a", "0", "1"))) },
        "allocation_zero_weights" to { blendAllocation(listOf(PersonaWeight(PersonaId.CAPITAL_GUARDIAN, BigDecimal.ZERO))) },
        "strategy_format" to { Strategy.fromDb("[]") },
        "split_below_minimum" to { splitAmount(BigDecimal("100"), listOf(slot("a", "500", "100"))) },
        "split_not_multiple" to { splitAmount(BigDecimal("150"), listOf(slot("a", "0", "100"))) },
        "split_unreachable" to { splitAmount(BigDecimal("900"), listOf(slot("a", "300", "300"), slot("b", "500", "500"))) },
        "rebalance_empty" to { rebalance(emptyList(), listOf(Target("a", BigDecimal("100")))) },
        "allocation_overflow" to {
            rebalance(
                listOf(Position("a", BigDecimal("999999999999.99")), Position("b", BigDecimal("999999999999.99"))),
                listOf(Target("a", BigDecimal("100"))),
            )
        },
        "constraint_unknown_type" to { checkConstraints(holding, listOf(Constraint("max_cash", BigDecimal.ONE))) },
        "constraint_value" to { checkConstraints(holding, listOf(Constraint("max_equity", BigDecimal("101")))) },
        "constraint_format" to { Strategy.fromDb("{\"name\": \"x\", \"components\": [], \"constraints\": [[]]}") },
        "portfolio_empty" to { checkConstraints(emptyList(), emptyList()) },
        "risk_input" to { assessRiskJson("{}") },
        "returns_too_few_flows" to { xirr(listOf(CashFlow(LocalDate.of(2025, 1, 1), BigDecimal("-1")))) },
        "returns_too_many_flows" to { xirr(List(1_000_001) { CashFlow(LocalDate.of(2025, 1, 1), BigDecimal.ONE) }) },
        "returns_no_sign_change" to { xirr(listOf(CashFlow(LocalDate.of(2025, 1, 1), BigDecimal("-1")), CashFlow(LocalDate.of(2025, 2, 1), BigDecimal("-1")))) },
        "returns_flow_before_start" to { xirr(listOf(CashFlow(LocalDate.of(2025, 1, 1), BigDecimal("-1")), CashFlow(LocalDate.of(2024, 1, 1), BigDecimal("2")))) },
        "returns_no_root" to { xirr(listOf(CashFlow(LocalDate.of(2025, 1, 1), BigDecimal("-100")), CashFlow(LocalDate.of(2025, 1, 1), BigDecimal("110")))) },
        "returns_input" to { cagr(BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.ONE) },
        "portfolio_input" to { analyzePortfolio("""{"holdings": []}""", FundTable.fallback(), java.time.LocalDate.of(2026, 1, 1)) },
        "portfolio_fund_table" to { FundTable.fromJson("""[{"scheme_code": "x"}]""") },
        "portfolio_tax_table" to { TaxTable.fromJson("{}") },
        "api_key_format" to { checkApiKeyFormat("spk_live_short") },
        "api_key_checksum" to { checkApiKeyFormat("spk_live_00000000000000_00000000000000000000000000000000000000000002swDzM") },
        "date_invalid" to { monthsUntil(LocalDate.of(10000, 1, 1), LocalDate.of(10000, 2, 1)) },
        "transaction_kind_unknown" to {
            portfolioXirr(listOf(PortfolioTransaction(LocalDate.of(2025, 1, 1), "buy", BigDecimal.ONE)), BigDecimal.ONE, LocalDate.of(2026, 1, 1))
        },
        "persona_k" to { trainPersonas(listOf(row), k = 0u) },
        "persona_training" to { trainPersonas(emptyList(), k = 3u) },
        "role_unknown" to { authorize("user", listOf("root")) },
    )

    private fun lists(): List<Pair<() -> Any?, List<String>>> = listOf(
        { validateProfileJson("[]") } to listOf("profile_not_object"),
        {
            validateProfileJson("{\"horizon_years\": \"5\", \"x\": 1, \"risk_tolerance\": \"high\", \"goal\": \"${"g".repeat(501)}\"}")
        } to listOf("profile_required", "profile_unknown_field", "profile_type", "profile_not_one_of", "profile_too_long"),
        { validateProfile(ProfileInput(age = 5, horizonYears = 5)) } to listOf("profile_out_of_range"),
        { validateProfileJson("{\"age\": 30, \"horizon_years\": 5, \"target_amount\": true}") } to listOf("money_not_exact"),
        { validateProfileJson("{") } to listOf("profile_json"),
        { validateProfileJson("{\"age\": 30, \"age\": 31}") } to listOf("profile_duplicate_key"),
        { validateProfileJson(" ".repeat(70000)) } to listOf("profile_too_large"),
        { requirePassword("", PasswordPolicyName.SEED) } to listOf("password_too_short"),
        { requirePassword("Pässw0rd!", PasswordPolicyName.SEED) } to listOf("password_invalid_character"),
        { requirePassword("x".repeat(200)) } to listOf("password_too_long", "password_no_uppercase", "password_no_digit", "password_no_special"),
        { requirePassword("Kumar\u0007Sunrise#9", context = listOf("kumar")) } to listOf("password_control_character", "password_contains_context"),
        { requirePassword("password123") } to listOf("password_common"),
        { requirePassword("PASSWORD-123-XYZ") } to listOf("password_no_lowercase"),
    )

    @Test
    fun everyReachableCodeIsThrownWithThatCode() {
        val seen = mutableSetOf<String>()
        val wrong = mutableListOf<String>()
        for ((code, call) in pairs()) {
            val got = try {
                call()
                "no throw"
            } catch (e: SparrowException) {
                assertTrue(e.kind() in ErrorKind.ALL, e.kind())
                e.code()
            }
            if (got != code) wrong.add("$code: got $got")
            seen.add(code)
        }
        assertEquals(emptyList<String>(), wrong)
        for ((call, codes) in lists()) {
            val got = fieldCodes(call)
            for (c in codes) {
                assertTrue(c in got, "$c in $got")
                seen.add(c)
            }
        }
        // Each identifier: empty and too long.
        val long = "9".repeat(300)
        val validators: Map<String, (String) -> Any> = mapOf(
            "pan" to ::validatePan, "ifsc" to ::validateIfsc, "mobile" to ::validateMobile,
            "email" to ::validateEmail, "pincode" to ::validatePincode, "aadhaar" to ::validateAadhaar,
        )
        for ((kind, fn) in validators) {
            assertCode("${kind}_empty") { fn("") }
            assertCode("${kind}_too_long") { fn(long) }
            seen.add("${kind}_empty")
            seen.add("${kind}_too_long")
        }
        // Model store codes, on a real directory.
        val dir = Files.createTempDirectory("sparrow-kotlin-codes-").toFile()
        try {
            val model = trainPersonas(List(60) { ProfileInput(age = 20L + it, horizonYears = 1L + it % 30) }, k = 3u, seed = 1u)
            val m = { code: String, call: () -> Any? -> assertCode(code, call); seen.add(code) }
            m("model_name") { model.save(dir.path, "bad name", "1") }
            m("model_not_found") { PersonaModel.load(dir.path, "missing") }
            model.save(dir.path, "m", "1")
            m("model_exists") { model.save(dir.path, "m", "1") }
            File(dir, "m_v2.json").mkdir()
            m("model_not_regular") { PersonaModel.load(dir.path, "m", "2") }
            m("model_io") { PersonaModel.load(File(dir, "m_v1.json").path, "m") }
            File(dir, "c_v1.json").writeText("{}")
            m("model_corrupt") { PersonaModel.load(dir.path, "c", "1") }
            File(dir, "f_v1.json").writeText("{\"format\": \"sparrow-core/persona-model\", \"format_version\": 99}")
            m("model_format_version") { PersonaModel.load(dir.path, "f", "1") }
        } finally {
            dir.deleteRecursively()
        }

        val all = allCodes()
        assertEquals(all, ErrorCode.ALL)
        assertEquals(all.toSet().size, all.size)
        for (c in seen) assertTrue(c in all, "$c is not a core code")
        for (c in unreachable.keys) assertTrue(c in all, "$c is not a core code")
        for (c in seen) assertTrue(c !in unreachable, "$c is reached, so it is not unreachable")
        assertEquals(emptyList<String>(), all.filter { it !in seen && it !in unreachable })
    }

    @Test
    fun oneExceptionCarriesCodeDetailKindAndEveryProblem() {
        val e = thrown {
            validateProfile(ProfileInput(age = 5, horizonYears = 99, riskTolerance = "Bold"))
        }
        // The case's fields and the methods on the base type say the same.
        val failure = e as SparrowException.Failure
        assertEquals(failure.code, e.code())
        assertEquals(failure.detail, e.detail())
        assertEquals(failure.kind, e.kind())
        assertEquals(failure.errors, e.errors())
        assertEquals(ErrorCode.PROFILE_INVALID, e.code())
        assertEquals(ErrorKind.INPUT, e.kind())
        assertEquals(listOf("age", "horizon_years", "risk_tolerance"), e.errors().map { it.field })
        assertTrue(e.errors().all { it.message.isNotBlank() })
        assertTrue(e.message!!.contains(e.detail()))
        // A money error names its field and rule, never the value.
        val m = thrown { formatInr(BigDecimal("12.345")) }
        assertEquals(ErrorKind.MONEY, m.kind())
        assertTrue(m.detail().contains("amount"), m.detail())
        assertTrue(!m.detail().contains("12.345"), m.detail())
        assertEquals(listOf("amount"), m.errors().map { it.field })
        // A when over codes needs an else: adding a code breaks nothing.
        val text = when (m.code()) {
            ErrorCode.MONEY_PRECISION, ErrorCode.MONEY_NOT_EXACT -> "too many decimals"
            else -> "other"
        }
        assertEquals("too many decimals", text)
    }

    @Test
    fun secretsNeverAppear() {
        val e = thrown { Keyring("k", "correcthorsebatterystaplecorrecthorse123456") }
        assertTrue("correcthorse" !in e.detail() && "correcthorse" !in e.message!!)
        val r = Keyring("k1", SECRET).withKey("k0", SECOND_SECRET)
        assertTrue(SECRET !in r.toString() && SECOND_SECRET !in r.toString(), r.toString())
        assertTrue("k1" in r.toString(), r.toString())
        val p = thrown { requirePassword("Hunter2hunter2!", context = listOf("hunter2")) }
        assertTrue(p.errors().none { "unter2" in it.message })
    }
}
