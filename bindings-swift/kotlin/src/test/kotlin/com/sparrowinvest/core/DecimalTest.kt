package com.sparrowinvest.core

import java.math.BigDecimal
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/** BigDecimal across the boundary: exact values in, the type's fixed scale out. */
class DecimalTest {
    @Test
    fun scientificBigDecimalsAreReadByValue() {
        // BigDecimal("1E+3").toString() is "1E+3"; the binding lowers toPlainString().
        val thousand = BigDecimal("1E+3")
        assertEquals("1E+3", thousand.toString())
        val amount = parseMoney("1000")
        assertEquals(amount, allocate(thousand, listOf(BigDecimal.ONE)).single())
        assertEquals("₹1,000.00", formatInr(thousand))
        assertEquals("₹1,000.00", formatInr(BigDecimal("1000.000")))
        assertEquals("₹1,000.00", formatInr(BigDecimal("0.001E+6")))
    }

    @Test
    fun resultsKeepTheTypesScale() {
        val m = parseMoney("25,000.5")
        assertEquals(2, m.scale())
        assertEquals("25000.50", m.toPlainString())
        // Scale is data: 25000.50 and 25000.5 are equal by value, not by equals().
        assertEquals(0, m.compareTo(BigDecimal("25000.5")))
        val units = unitsFor(BigDecimal("5000"), BigDecimal("123.4567"))
        assertEquals(3, units.scale())
        assertEquals("40.500", units.toPlainString())
        val value = valueOf(BigDecimal("40.5"), BigDecimal("123.4567"))
        assertEquals(2, value.scale())
        val parts = allocate(BigDecimal("100"), listOf(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE))
        assertEquals(listOf("33.34", "33.33", "33.33"), parts.map { it.toPlainString() })
        assertEquals(BigDecimal("100.00"), parts.reduce(BigDecimal::add))
        val plan = rebalance(
            listOf(Position("a", BigDecimal("600")), Position("b", BigDecimal("400"))),
            listOf(Target("a", BigDecimal("50")), Target("b", BigDecimal("50"))),
        )
        assertTrue(plan.trades.all { it.amount.scale() == 2 })
        assertEquals("1000.00", plan.total.toPlainString())
    }

    @Test
    fun negativeZeroAndSigns() {
        assertEquals("₹0.00", formatInr(BigDecimal("-0.00")))
        assertEquals("₹0.00", formatInr(BigDecimal("0E-10")))
        assertEquals("-₹1,234.50", formatInr(BigDecimal("-1234.5")))
        assertEquals(ErrorCode.ALLOCATE_NEGATIVE_WEIGHT, codeOf { allocate(BigDecimal.ONE, listOf(BigDecimal("-0.01"))) })
    }

    @Test
    fun twentyEightDigitValues() {
        // 28 decimals arrive exactly: trailing zeros are the same weight, while one
        // non-zero digit at the 28th place is refused (a binary float would have
        // rounded it to 0.5 and accepted it).
        val half = BigDecimal("0.5000000000000000000000000000")
        val almost = BigDecimal("0.5000000000000000000000000001")
        assertEquals(28, almost.scale())
        assertEquals(listOf("5.00", "5.00"), allocate(BigDecimal("10"), listOf(half, half)).map { it.toPlainString() })
        assertEquals("allocate_weight_precision", codeOf { allocate(BigDecimal("10"), listOf(almost, half)) })
        // 28 significant digits: an amount past money's range says so.
        assertEquals("money_out_of_range", codeOf { formatInr(BigDecimal("1234567890123456789012345678")) })
        assertEquals("money_precision", codeOf { formatInr(BigDecimal("1234567890123456.789012345678")) })
    }

    @Test
    fun valuesPastTheRangeAreCodedErrors() {
        // More than 28 decimals with a non-zero digit: money_precision, naming the field.
        val fine = thrown { formatInr(BigDecimal("1.00000000000000000000000000001")) }
        assertEquals("money_precision", fine.code())
        assertEquals(listOf("amount"), fine.errors().map { it.field })
        // More than 29 significant digits: money_overflow.
        assertEquals("money_overflow", codeOf { formatInr(BigDecimal("9".repeat(40))) })
        assertEquals("money_overflow", codeOf { formatInr(BigDecimal("1E+40")) })
        // Trailing zeros past 28 decimals are not a loss: the value fits.
        assertEquals("₹1.00", formatInr(BigDecimal("1." + "0".repeat(40))))
        // A tiny value far past the scale is refused, not rounded to zero.
        assertEquals("money_too_long", codeOf { formatInr(BigDecimal("1E-5000")) })
        // Money with more decimals than paise is refused, never rounded.
        assertEquals("money_precision", codeOf { formatInr(BigDecimal("0.125")) })
        // A NAV with more than 4 decimals, units with more than 3.
        assertTrue(codeOf { unitsFor(BigDecimal("100"), BigDecimal("1.23456")) }.startsWith("money_"))
        assertTrue(codeOf { valueOf(BigDecimal("1.2345"), BigDecimal("10")) }.startsWith("money_"))
    }

    @Test
    fun profileAmountsAreExact() {
        val p = validateProfile(
            ProfileInput(age = 30, horizonYears = 10, targetAmount = BigDecimal("1E+7"), monthlySip = BigDecimal("25000.5")),
        )
        assertEquals("10000000.00", p.targetAmount!!.toPlainString())
        assertEquals("25000.50", p.monthlySip!!.toPlainString())
        val e = thrown { validateProfile(ProfileInput(age = 30, horizonYears = 10, lumpSum = BigDecimal("0.001"))) }
        assertEquals(listOf("lump_sum" to "money_precision"), e.errors().map { it.field to it.code })
    }
}
