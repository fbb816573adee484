package com.sparrowinvest.core

import com.fasterxml.jackson.databind.JsonNode
import com.fasterxml.jackson.databind.node.ObjectNode
import java.io.File
import java.math.BigDecimal
import java.time.LocalDate
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/**
 * portfolio-analyzer-v1 through Kotlin: every recorded answer of today's service, by the
 * fixtures' README rules (money within 0.01, fractions within 1e-9, texts and nulls
 * exactly), leaving out what a row's exact_diff.half_even names (core/tests/portfolio_parity.rs
 * pins those). Both sides are read as BigDecimal, so the comparison is exact arithmetic.
 */
class PortfolioTest {
    private val tables = json.readTree(File(repo, "core/tests/fixtures/portfolio_funds.json"))["tables"]
    private val funds = tables.fieldNames().asSequence().associateWith { name ->
        val wire = tables[name]["wire"]
        if (wire.isNull) FundTable.fallback() else FundTable.fromJson(json.writeValueAsString(wire))
    }
    private val refused = mapOf("edge-041" to "holdings[0].amount", "error-007" to "holdings[0].amount")
    private val money = setOf("current_value", "value", "purchase_amount", "unrealized_gain", "target_value",
        "transaction_amount", "estimated_gain", "total_value")

    private fun request(row: JsonNode): String {
        val input = row["input"].deepCopy<ObjectNode>()
        input.remove("today")
        input.remove("fund_table_ref")
        return json.writeValueAsString(input)
    }

    private fun today(row: JsonNode): LocalDate = LocalDate.parse(row["input"].text("today"))

    private fun skip(row: JsonNode, path: String): Boolean {
        val diffs = row["exact_diff"]?.get("half_even")?.map { it.asText() } ?: emptyList()
        val actions = path.startsWith("$.rebalancing_actions")
        return diffs.any { d ->
            when {
                d == "action-set" || d == "action-order" -> actions
                d.startsWith("action-") -> actions && path.endsWith("." + d.removePrefix("action-"))
                d == "summary-alignment_score" -> path == "$.summary.alignment_score"
                d == "summary-primary_issues" -> path.startsWith("$.summary.primary_issues")
                d == "metrics-weighted_volatility" -> path == "$.current_metrics.weighted_volatility"
                d.startsWith("summary-") && d.endsWith("-num") -> path == "$.summary." + d.removePrefix("summary-").removeSuffix("-num")
                else -> false
            }
        }
    }

    private fun differences(row: JsonNode, got: JsonNode, want: JsonNode): List<String> {
        val total = got["current_metrics"]["total_value"].decimalValue().max(BigDecimal("1e-9"))
        val out = mutableListOf<String>()
        fun tol(key: String): BigDecimal = when (key) {
            in money -> BigDecimal("0.010000001")
            "total_sell_amount", "total_buy_amount", "net_transaction" -> BigDecimal("0.035")
            "target_weight" -> BigDecimal("0.01").divide(total, java.math.MathContext.DECIMAL64) + BigDecimal("1e-9")
            "units", "transaction_units" -> BigDecimal("0.011")
            else -> BigDecimal("1e-9")
        }
        fun walk(path: String, key: String, g: JsonNode, w: JsonNode) {
            if (skip(row, path)) return
            when {
                w.isNumber -> if (!g.isNumber || (g.decimalValue() - w.decimalValue()).abs() > tol(key)) out += "$path: got $g want $w"
                w.isArray -> if (g.size() != w.size()) out += "$path: length" else for (i in 0 until w.size()) walk("$path[$i]", key, g[i], w[i])
                w.isObject -> if (g.fieldNames().asSequence().toList() != w.fieldNames().asSequence().toList()) out += "$path: keys"
                    else for (k in w.fieldNames()) walk("$path.$k", k, g[k], w[k])
                else -> if (g != w) out += "$path: got $g want $w"
            }
        }
        walk("$", "", got, want)
        return out
    }

    @Test
    fun everyRecordedAnswer() {
        var compared = 0
        for (row in rows("portfolio_v1_examples")) {
            val id = row.text("id")!!
            if (!row["error"].isNull || id in refused) continue
            val text = analyzePortfolioJson(request(row), funds[row["input"].text("fund_table_ref")]!!, today(row), mode = ValidationMode.COMPAT)
            assertEquals(emptyList<String>(), differences(row, json.readTree(text), row["output"]), id)
            compared++
        }
        assertEquals(145, compared)
    }

    @Test
    fun refusalsAndTodays500s() {
        for (row in rows("portfolio_v1_examples")) {
            val id = row.text("id")!!
            if (row["error"].isNull && id !in refused) continue
            val call = { analyzePortfolio(request(row), funds[row["input"].text("fund_table_ref")]!!, today(row), mode = ValidationMode.COMPAT) }
            if (id == "edge-038") {
                assertEquals(BigDecimal("1.000000000000"), call().currentAllocation.equity)
                continue
            }
            val e = thrown(call)
            assertEquals("portfolio_input", e.code(), id)
            val field = refused[id] ?: row["error"]["body"]["detail"][0]["loc"].drop(1).mapIndexed { i, p ->
                if (p.isNumber) "[${p.asInt()}]" else if (i == 0) p.asText() else ".${p.asText()}"
            }.joinToString("")
            assertEquals(field, e.errors().first().field, id)
        }
    }

    @Test
    fun typedRecordsAndDatedTaxTables() {
        val body = """{"holdings": [{"scheme_code": 138081, "amount": 500000, "purchase_date": "2024-05-26",
            "purchase_amount": 200000}], "target_allocation": {"debt": 1}, "profile": {}}"""
        val a = analyzePortfolio(body, funds["funds60"]!!, LocalDate.of(2025, 6, 30), TaxTable.equity2024())
        val sell = a.rebalancingActions.first()
        assertEquals(ActionKind.SELL, sell.action)
        assertEquals(ActionPriority.HIGH, sell.priority)
        assertEquals(TaxStatus.LTCG, sell.taxStatus)
        assertEquals(BigDecimal("-500000.00"), sell.transactionAmount)
        assertEquals(2, sell.transactionAmount.scale())
        assertEquals("LTCG: 12.5% tax on gains above INR 1.25 lakh", sell.taxNote)
        assertEquals("Estimated INR 21,875 LTCG tax (gains: INR 300,000 above INR 1.25L exemption)", a.taxImpactSummary)
        assertEquals("portfolio-analyzer-v1", a.modelVersion)
        assertEquals("india-equity-2024-07-23", TaxTable.equity2024().id())
        assertEquals("portfolio-analyzer-v1", TaxTable.fromJson(TaxTable.parity().toJson()).id())
        assertEquals(5, FundTable.fallback().schemeCodes().size)
        assertTrue(a.holdings.first().weight.compareTo(BigDecimal.ONE) == 0)
    }

    @Test
    fun targetSumCheck() {
        val d = { s: String -> BigDecimal(s) }
        checkTargetAllocation(ClassFractions(d("0.1"), d("0.2"), d("0"), d("0"), d("0"), d("0.7")))
        val e = thrown { checkTargetAllocation(ClassFractions(d("0.4"), d("0.35"), d("0"), d("0"), d("0"), d("0"))) }
        assertEquals("portfolio_input", e.code())
        assertEquals("target_allocation", e.errors().first().field)
    }
}
