package com.sparrowinvest.core

import java.math.BigDecimal
import java.nio.charset.CharacterCodingException
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/** Hostile input: every call returns a value or throws a coded SparrowException. */
class HostileTest {
    private val ten = "x".repeat(10 * 1024 * 1024)
    private val ring = Keyring("k1", SECRET)

    /** Each text entry point, by name. */
    private val texts: Map<String, (String) -> Any?> = mapOf(
        "parseMoney" to { s -> parseMoney(s) },
        "parseMoneyLenient" to { s -> parseMoney(s, lenient = true) },
        "validatePan" to ::validatePan,
        "validateIfsc" to ::validateIfsc,
        "validateMobile" to ::validateMobile,
        "validateEmail" to ::validateEmail,
        "validatePincode" to ::validatePincode,
        "validateAadhaar" to ::validateAadhaar,
        "validateProfileJson" to { s -> validateProfileJson(s) },
        "classifyBlendedJson" to { s -> classifyBlendedJson(s) },
        "assessRiskJson" to ::assessRiskJson,
        "checkPassword" to { s -> checkPassword(s) },
        "requirePassword" to { s -> requirePassword(s) },
        "hashPassword" to ::hashPassword,
        "verifyPassword" to { s -> verifyPassword(s, "\$argon2id\$v=19\$m=19456,t=2,p=1\$c29tZXNhbHQ\$aGFzaA") },
        "verifyPasswordHash" to { s -> verifyPassword("x", s) },
        "needsRehash" to ::needsRehash,
        "parseDuration" to ::parseDuration,
        "bearerToken" to ::bearerToken,
        "verifyToken" to { s -> verifyToken(s, ring) },
        "keyring" to { s -> Keyring("k", s) },
        "keyringKid" to { s -> Keyring(s, SECRET) },
        "strategyFor" to ::strategyFor,
        "personaFromSlug" to ::personaFromSlug,
        "strategyFromDb" to { s -> Strategy.fromDb(s) },
        "strategyFromMl" to { s -> Strategy.fromMl(s) },
        "authorize" to { s -> authorize(s, listOf("admin"), page = s, allowedPages = listOf(s)) },
        "authorizeRole" to { s -> authorize("user", listOf(s)) },
        "personaModelLoad" to { s -> PersonaModel.load(s, s) },
        "issueToken" to { s -> issueToken(TokenSubject(s, s, s, s, listOf(s), s), ring, expiresIn = "1h") },
        "checkConstraints" to { s -> checkConstraints(listOf(Holding(s, s, BigDecimal.ONE)), listOf(Constraint(s, BigDecimal.ONE))) },
        "assessRisk" to { s -> assessRisk(RiskProfileInput(s, 10), listOf(RiskFund(s, s, BigDecimal.ONE, null))) },
        "validateProfile" to { s -> validateProfile(ProfileInput(age = 30, horizonYears = 5, riskTolerance = s, goal = s)) },
        "splitAmount" to { s -> splitAmount(BigDecimal.TEN, listOf(FundSlot(s, BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ONE))) },
    )

    private val values = listOf(
        "",
        " ",
        "\u0000",
        "a\u0000b",
        "ABCPE1234F\u0000",
        "\uFEFF25000",
        "١٢٣٤",
        "𝟏𝟐𝟑",
        "e\u0301",
        "{\"a\":" .repeat(200),
        "[".repeat(100_000),
        "9".repeat(100_000),
        ten,
    )

    @Test
    fun everyTextEntryGivesAValueOrACodedError() {
        val codes = ErrorCode.ALL.toSet()
        val bad = mutableListOf<String>()
        for ((name, call) in texts) {
            for (v in values) {
                try {
                    call(v)
                } catch (e: SparrowException) {
                    if (e.code() !in codes || e.errors().isEmpty()) bad.add("$name: ${e.code()}")
                    // The message never carries a long input back.
                    if (e.message!!.length > 2000) bad.add("$name: message of ${e.message!!.length} chars")
                } catch (e: Throwable) {
                    bad.add("$name(${v.take(12)}…): ${e::class.qualifiedName}: ${e.message?.take(200)}")
                }
            }
        }
        assertEquals(emptyList<String>(), bad)
    }

    @Test
    fun unpairedSurrogatesAreRefusedBeforeTheCall() {
        // uniffi's generated code encodes strings strictly (CodingErrorAction.REPORT):
        // a lone surrogate never reaches Rust and is never replaced by U+FFFD.
        for (s in listOf("\uD800", "a\uDC00b", "ABCPE1234\uD83D")) {
            assertThrows(CharacterCodingException::class.java) { validatePan(s) }
            assertThrows(CharacterCodingException::class.java) { checkPassword(s) }
        }
        // A real U+FFFD and a well-formed pair are ordinary text.
        assertTrue(codeOf { validatePan("ABCPE1234\uFFFD") }.startsWith("pan_"))
        assertTrue(codeOf { validatePan("ABCPE1234\uD83D\uDE00") }.startsWith("pan_"))
    }

    @Test
    fun nulBytesAreNotTruncation() {
        // "ABCPE1234F\u0000" must not read as the valid PAN before the NUL.
        assertTrue(codeOf { validatePan("ABCPE1234F\u0000") }.startsWith("pan_"))
        assertTrue(checkPassword("Sunrise#2024\u0000x").contains("password_control_character"))
        assertEquals("money_syntax", codeOf { parseMoney("100\u0000") })
    }

    @Test
    fun hugeCollections() {
        assertEquals("allocate_too_many_weights", codeOf { allocate(BigDecimal.ONE, List(1_000_000) { BigDecimal.ONE }) })
        assertEquals("allocation_too_many", codeOf { splitAmount(BigDecimal.TEN, List(100_000) { FundSlot("$it", BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ONE) }) })
        assertEquals(
            "allocation_too_many",
            codeOf { rebalance(List(600) { Position("$it", BigDecimal.ONE) }, List(600) { Target("$it", BigDecimal.ZERO) }) },
        )
        // 100,000 profiles classify in one call, each the same as alone.
        val p = ProfileInput(age = 40, horizonYears = 12, riskTolerance = "Aggressive")
        val many = classifyBlendedMany(List(100_000) { p })
        assertEquals(100_000, many.size)
        assertEquals(classifyBlended(p), many.last())
        // A 10 MB context list item and a huge role list are answered, not crashed.
        assertTrue(checkPassword("Sunrise#2024", context = List(10_000) { "ctx$it" }).isEmpty())
        assertEquals(ErrorCode.ROLE_UNKNOWN, codeOf { authorize("user", List(100_000) { "root$it" }) })
        // The first of many invalid profiles is the one reported.
        val e = thrown { classifyMany(List(50_000) { ProfileInput(age = 5) }) }
        assertEquals(ErrorCode.PROFILE_INVALID, e.code())
    }

    @Test
    fun extremeNumbers() {
        for (age in listOf(Long.MIN_VALUE, -1L, 0L, 17L, 101L, Long.MAX_VALUE)) {
            val e = thrown { validateProfile(ProfileInput(age = age, horizonYears = 5)) }
            assertEquals(listOf("age"), e.errors().map { it.field })
        }
        assertTrue(codeOf { verifyToken("a.b.c", ring, leeway = Long.MAX_VALUE) }.startsWith("token_"))
        assertTrue(codeOf { verifyToken("a.b.c", ring, leeway = Long.MIN_VALUE) }.startsWith("token_"))
        val far = java.time.Instant.ofEpochSecond(31_556_889_864_403_199L)
        val old = java.time.Instant.ofEpochSecond(-31_557_014_167_219_200L)
        for (now in listOf(far, old)) {
            try {
                val t = issueToken(TokenSubject("u", "e@x.in", "user"), ring, expiresIn = "1h", now = now)
                verifyToken(t, ring, now = now)
            } catch (e: SparrowException) {
                assertTrue(e.code() in ErrorCode.ALL, e.code())
            }
        }
        assertTrue(!shouldRefresh(Claims("u", "e", "user", null, null, 0, Long.MAX_VALUE, null, null, null, null, null), now = old))
        assertTrue(shouldRefresh(Claims("u", "e", "user", null, null, 0, Long.MIN_VALUE, null, null, null, null, null), now = far))
    }
}
