package com.sparrowinvest.core

import java.math.BigDecimal
import java.time.Instant
import java.util.concurrent.Callable
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/** Several threads hashing, verifying, signing and classifying at once. */
class ConcurrencyTest {
    @Test
    fun threadsShareTheLibrarySafely() {
        val ring = Keyring("k1", SECRET)
        val now = Instant.ofEpochSecond(1_767_225_600)
        val profiles = rows("persona_examples").take(200).map { profileOf(it.get("profile")) }
        val expected = profiles.map { classifyBlended(it) }
        val pool = Executors.newFixedThreadPool(8)
        try {
            val tasks = (0 until 8).map { worker ->
                Callable {
                    val password = "Sunrise#$worker-2024"
                    val hash = hashPassword(password)
                    assertTrue(verifyPassword(password, hash).matched)
                    assertTrue(!verifyPassword("$password!", hash).matched)
                    for (round in 0 until 50) {
                        val i = (worker * 50 + round) % profiles.size
                        assertEquals(expected[i], classifyBlended(profiles[i]))
                        val sub = "user-$worker-$round"
                        val token = issueToken(TokenSubject(sub, "$sub@x.in", "user"), ring, expiresIn = "1h", now = now)
                        assertEquals(sub, verifyToken(token, ring, now = now).sub)
                        val parts = allocate(BigDecimal("100.00"), listOf(BigDecimal(worker + 1), BigDecimal(round + 1)))
                        assertEquals(BigDecimal("100.00"), parts.reduce(BigDecimal::add))
                        assertEquals("pan_format", codeOf { validatePan("ABCPE12345") })
                    }
                    worker
                }
            }
            val done = pool.invokeAll(tasks, 5, TimeUnit.MINUTES).map { it.get() }
            assertEquals((0 until 8).toList(), done)
        } finally {
            pool.shutdownNow()
        }
    }

    @Test
    fun oneModelPredictsFromManyThreads() {
        val train = rows("persona_examples").take(300).map { profileOf(it.get("profile")) }
        val model = trainPersonas(train, k = 3u, seed = 7u)
        val want = model.predictMany(train)
        val pool = Executors.newFixedThreadPool(4)
        try {
            val got = pool.invokeAll((0 until 4).map { Callable { train.map { model.predict(it) } } }).map { it.get() }
            for (g in got) assertEquals(want, g)
        } finally {
            pool.shutdownNow()
        }
    }
}
