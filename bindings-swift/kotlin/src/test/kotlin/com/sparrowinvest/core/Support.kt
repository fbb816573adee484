package com.sparrowinvest.core

import com.fasterxml.jackson.databind.DeserializationFeature
import com.fasterxml.jackson.databind.JsonNode
import com.fasterxml.jackson.databind.ObjectMapper
import java.io.File
import java.math.BigDecimal
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.fail

/** The repository root (Surefire passes it; the default is for an IDE run). */
val repo: File = File(System.getProperty("sparrow.repo") ?: "../..").canonicalFile

/** JSON numbers are read as BigDecimal: the fixture tables' decimals stay exact. */
val json: ObjectMapper = ObjectMapper()
    .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
    .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)

/** The rows of a shared fixture table (core/tests/fixtures/NAME.jsonl). */
fun rows(name: String): List<JsonNode> =
    File(repo, "core/tests/fixtures/$name.jsonl").readLines().filter { it.isNotBlank() }.map { json.readTree(it) }

/** The exact JSON text of a top-level field of a JSON line (literals and duplicates kept). */
fun rawField(line: String, key: String): String {
    val p = json.factory.createParser(line)
    p.nextToken()
    while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
        val name = p.currentName()
        p.nextToken()
        val start = p.currentTokenLocation().charOffset.toInt()
        p.skipChildren()
        p.finishToken()
        val end = p.currentLocation().charOffset.toInt()
        if (name == key) return line.substring(start, end)
    }
    throw IllegalArgumentException("no field $key")
}

fun JsonNode.text(key: String): String? = get(key)?.takeUnless { it.isNull }?.asText()

/** A decimal from a JSON number or a decimal string, exactly. */
fun JsonNode.decimal(): BigDecimal = if (isTextual) BigDecimal(asText()) else decimalValue()

fun JsonNode.decimal(key: String): BigDecimal? = get(key)?.takeUnless { it.isNull }?.decimal()

/** The same number, whatever its scale (0.50 and 0.5). */
fun sameValue(a: BigDecimal, b: BigDecimal): Boolean = a.compareTo(b) == 0

/** A ProfileInput from a fixture's JSON profile (only fields of the types it holds). */
fun profileOf(p: JsonNode): ProfileInput = ProfileInput(
    age = p.get("age")?.takeUnless { it.isNull }?.asLong(),
    horizonYears = p.get("horizon_years")?.takeUnless { it.isNull }?.asLong(),
    riskTolerance = p.text("risk_tolerance"),
    volatility = p.text("volatility"),
    liquidity = p.text("liquidity"),
    knowledge = p.text("knowledge"),
    goal = p.text("goal"),
    targetAmount = p.decimal("target_amount"),
    targetYear = p.get("target_year")?.takeUnless { it.isNull }?.asLong(),
    monthlySip = p.decimal("monthly_sip"),
    lumpSum = p.decimal("lump_sum"),
)

/** The SparrowException a call throws (fails the test when it returns). */
fun thrown(call: () -> Any?): SparrowException {
    try {
        call()
    } catch (e: SparrowException) {
        return e
    }
    fail<Unit>("expected a SparrowException")
    throw IllegalStateException("unreachable")
}

/** The code a call throws. */
fun codeOf(call: () -> Any?): String = thrown(call).code()

fun assertCode(code: String, call: () -> Any?) = assertEquals(code, codeOf(call))

/** Field codes of a record error. */
fun fieldCodes(call: () -> Any?): List<String> = thrown(call).errors().map { it.code }

/** Signing secrets that pass the key rules (the Node tests use the same). */
const val SECRET = "3Xy1ayYgQqDO-B8AD9yFLldY8XTEICtbj_W-tA933G4"
const val SECOND_SECRET = "QPIHLPwwMA1S5FVfvBxjSPSYXD1LsQwIbhGFMGJtUsU"
