package com.sparrowinvest.core

import java.io.File
import java.math.BigDecimal
import java.time.Instant

/**
 * Per-call cost through JNA beside the same calls in Rust, in one run (a figure, not a
 * gate). Run by bindings-swift/scripts/bench-kotlin.sh against the release library;
 * the Rust figures come from benches/mobile_timing.rs, started from here.
 */
private fun perOp(n: Int, f: () -> Unit): Double {
    repeat(n / 5) { f() } // warm-up (JIT, caches)
    val start = System.nanoTime()
    repeat(n) { f() }
    return (System.nanoTime() - start).toDouble() / n
}

fun main() {
    val ring = Keyring("k1", SECRET)
    val now = Instant.ofEpochSecond(1_767_225_600)
    val token = issueToken(TokenSubject("u-1", "ravi@example.com", "investor"), ring, expiresIn = "7d", now = now)
    val profile = ProfileInput(
        age = 34, horizonYears = 15, riskTolerance = "Moderate", volatility = "Medium",
        liquidity = "Medium", knowledge = "Intermediate", monthlySip = BigDecimal("25000"),
    )
    val batch = List(1000) { profile }
    var sink = 0
    val rounds = 3
    val kotlin = (1..rounds).map {
        mapOf(
            // The floor: no arguments, a short string back.
            "coreVersion" to perOp(50_000) { sink += coreVersion().length },
            "validatePan" to perOp(50_000) { sink += validatePan("ABCPE1234F").pan.length },
            "classifyBlended" to perOp(20_000) { sink += classifyBlended(profile).distribution.size },
            // Per profile, 1,000 profiles a call: the crossing paid once per batch.
            "classifyBlendedMany" to perOp(20) { sink += classifyBlendedMany(batch).size } / batch.size,
            "verifyToken" to perOp(20_000) { sink += verifyToken(token, ring, now = now).sub.length },
        )
    }
    val exe = File(repo, "target/release/mobile-timing")
    val rust = (1..rounds).map {
        val p = ProcessBuilder(exe.path, token, SECRET, now.epochSecond.toString()).redirectErrorStream(true).start()
        val out = p.inputStream.bufferedReader().readText()
        check(p.waitFor() == 0) { out }
        json.readTree(out)
    }
    println("| call | Kotlin → JNA → Rust (ns/call) | Rust in-process (ns/call) | JNA overhead (ns) | ratio |")
    println("|---|---|---|---|---|")
    for (name in listOf("coreVersion", "validatePan", "classifyBlended", "classifyBlendedMany", "verifyToken")) {
        val k = kotlin.map { it.getValue(name) }.sorted()[rounds / 2]
        val r = rust.mapNotNull { it.get(name)?.asDouble() }.sorted().getOrNull(rounds / 2)
        if (r == null) {
            println("| $name | %.0f | — | — | — |".format(k))
        } else {
            println("| $name | %.0f | %.0f | %.0f | %.1f× |".format(k, r, k - r, k / r))
        }
    }
    if (sink == 42) println()
}
