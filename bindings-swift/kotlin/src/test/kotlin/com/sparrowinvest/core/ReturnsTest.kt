package com.sparrowinvest.core

import java.math.BigDecimal
import java.time.LocalDate
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test

/** XIRR, XNPV, CAGR and goals through Kotlin: LocalDate and BigDecimal in, exact scales out. */
class ReturnsTest {
    private val excel = listOf(
        CashFlow(LocalDate.of(2008, 1, 1), BigDecimal("-10000")),
        CashFlow(LocalDate.of(2008, 3, 1), BigDecimal("2750")),
        CashFlow(LocalDate.of(2008, 10, 30), BigDecimal("4250")),
        CashFlow(LocalDate.of(2009, 2, 15), BigDecimal("3250")),
        CashFlow(LocalDate.of(2009, 4, 1), BigDecimal("2.75E+3")),
    )

    @Test
    fun excelsExamples() {
        val rate = xirr(excel)
        assertEquals("0.373362534", rate.toPlainString())
        assertEquals(9, rate.scale())
        assertEquals("2086.65", xnpv(BigDecimal("0.09"), excel).toPlainString())
        assertEquals("0.100000000", cagr(BigDecimal("10000"), BigDecimal("16105.10"), BigDecimal("5")).toPlainString())
    }

    @Test
    fun goals() {
        val p = goalProgress(BigDecimal("25000"), BigDecimal("100000"))
        assertEquals(GoalProgress(BigDecimal("0.2500"), BigDecimal("75000.00"), false), p)
        assertEquals("127664.97", sipFutureValue(BigDecimal("10000"), BigDecimal("0.12"), 12u).toPlainString())
        assertEquals("11000.00", futureValue(BigDecimal("10000"), BigDecimal("0.1"), 12u).toPlainString())
        assertEquals("4463.58", sipNeeded(BigDecimal("1000000"), BigDecimal.ZERO, BigDecimal("0.12"), 120u).toPlainString())
        assertEquals(1u, monthsUntil(LocalDate.of(2025, 1, 15), LocalDate.of(2025, 3, 14)))
        assertEquals(1u, monthsUntil(LocalDate.of(999, 1, 1), LocalDate.of(999, 2, 1)))
    }

    @Test
    fun refusalsCarryTheCoresCode() {
        assertCode("returns_input") { sipNeeded(BigDecimal("1"), BigDecimal.ZERO, BigDecimal("0.1"), 0u) }
        assertCode("returns_input") { monthsUntil(LocalDate.of(2025, 1, 15), LocalDate.of(2024, 1, 15)) }
        // LocalDate.toString() of a year past 9999 is "+10000-01-01": no YYYY-MM-DD day.
        assertCode("date_invalid") { monthsUntil(LocalDate.of(10000, 1, 1), LocalDate.of(10000, 2, 1)) }
        assertCode("money_precision") { goalProgress(BigDecimal("0.001"), BigDecimal.ONE) }
    }

    @Test
    fun portfolioXirrFromTransactions() {
        val ts = listOf(PortfolioTransaction(LocalDate.of(2025, 1, 1), "purchase", BigDecimal("10000")))
        assertEquals("0.100000000", portfolioXirr(ts, BigDecimal("11000"), LocalDate.of(2026, 1, 1)).toPlainString())
        assertCode("transaction_kind_unknown") {
            portfolioXirr(listOf(PortfolioTransaction(LocalDate.of(2025, 1, 1), "buy", BigDecimal.ONE)), BigDecimal.ONE, LocalDate.of(2026, 1, 1))
        }
    }
}
