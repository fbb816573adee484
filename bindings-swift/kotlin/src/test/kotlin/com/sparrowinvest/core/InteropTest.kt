package com.sparrowinvest.core

import java.io.File
import java.time.Instant
import java.util.Base64
import java.util.concurrent.TimeUnit
import javax.crypto.Mac
import javax.crypto.spec.SecretKeySpec
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/**
 * Tokens across implementations nobody here wrote: the JDK's own HMAC-SHA256, and npm
 * `jsonwebtoken` (tools/jwt-interop, installed by the test command's step 2) run with
 * node — a token issued in Kotlin verifies there, and theirs verifies here.
 */
class InteropTest {
    private val ring = Keyring("k1", SECRET)
    private val now = Instant.ofEpochSecond(1_767_225_600)
    private val subject = TokenSubject(
        sub = "0b7e2c9d-4f1a-4e3b-8c6d-5a9f0e1d2c3b",
        email = "priya@sparrowinvest.com",
        role = "fa_staff",
        ownerId = "6f1c2a3e-0d4b-4c9a-9f1e-2b3c4d5e6f70",
        allowedPages = listOf("clients", "transactions"),
    )

    private fun b64url(s: String): ByteArray = Base64.getUrlDecoder().decode(s)

    @Test
    fun kotlinTokensAreStandardHs256() {
        val token = issueToken(subject, ring, expiresIn = "15m", now = now)
        val (header, payload, signature) = token.split(".")
        val mac = Mac.getInstance("HmacSHA256").apply { init(SecretKeySpec(SECRET.toByteArray(), "HmacSHA256")) }
        val want = mac.doFinal("$header.$payload".toByteArray())
        assertTrue(want.contentEquals(b64url(signature)), "the JDK's HMAC-SHA256 agrees")
        val h = json.readTree(b64url(header))
        assertEquals("HS256", h.text("alg"))
        assertEquals("k1", h.text("kid"))
        val p = json.readTree(b64url(payload))
        assertEquals(listOf("clients", "transactions"), p.get("allowedPages").map { it.asText() })
        assertEquals(now.epochSecond + 900, p.get("exp").asLong())
    }

    private val tools = File(repo, "tools/jwt-interop")

    private fun node(script: String, vararg args: String): String {
        val process = ProcessBuilder(listOf("node", "-e", script) + args)
            .directory(tools)
            .redirectErrorStream(true)
            .start()
        val out = process.inputStream.bufferedReader().readText()
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "node finished")
        assertEquals(0, process.exitValue(), out)
        return out.trim()
    }

    @Test
    fun kotlinTokenVerifiesInJsonwebtoken() {
        assertTrue(File(tools, "node_modules/jsonwebtoken").isDirectory, "npm ci in tools/jwt-interop first")
        val token = issueToken(subject, ring, expiresIn = "15m", now = now, issuer = "sparrow", audience = "app")
        val script = """
            const jwt = require('jsonwebtoken')
            const [token, secret, now] = process.argv.slice(1)
            const c = jwt.verify(token, secret, { algorithms: ['HS256'], clockTimestamp: Number(now), issuer: 'sparrow', audience: 'app' })
            const h = jwt.decode(token, { complete: true }).header
            console.log(JSON.stringify({ kid: h.kid, sub: c.sub, role: c.role, ownerId: c.ownerId, pages: c.allowedPages, exp: c.exp }))
        """.trimIndent()
        val got = json.readTree(node(script, token, SECRET, (now.epochSecond + 60).toString()))
        assertEquals("k1", got.text("kid"))
        assertEquals(subject.sub, got.text("sub"))
        assertEquals("fa_staff", got.text("role"))
        assertEquals(subject.ownerId, got.text("ownerId"))
        assertEquals(listOf("clients", "transactions"), got.get("pages").map { it.asText() })
        assertEquals(now.epochSecond + 900, got.get("exp").asLong())
        // And jsonwebtoken refuses it with another secret.
        val refused = """
            const jwt = require('jsonwebtoken')
            try { jwt.verify(process.argv[1], process.argv[2], { algorithms: ['HS256'], ignoreExpiration: true }); console.log('accepted') }
            catch (e) { console.log(e.name) }
        """.trimIndent()
        assertEquals("JsonWebTokenError", node(refused, token, SECOND_SECRET))
    }

    @Test
    fun jsonwebtokenTokenVerifiesInKotlin() {
        val script = """
            const jwt = require('jsonwebtoken')
            const [secret, iat] = process.argv.slice(1)
            console.log(jwt.sign({ sub: 'u-1', email: 'ravi@example.com', role: 'investor', iat: Number(iat) }, secret, { algorithm: 'HS256', expiresIn: '7d', keyid: 'k1' }))
        """.trimIndent()
        val token = node(script, SECRET, now.epochSecond.toString())
        val c = verifyToken(token, ring, now = now.plusSeconds(30))
        assertEquals("u-1", c.sub)
        assertEquals("investor", c.role)
        assertEquals(now.epochSecond + 7 * 86400, c.exp)
        // Tampered payload: refused by signature.
        val (h, _, s) = token.split(".")
        val forged = Base64.getUrlEncoder().withoutPadding()
            .encodeToString("{\"sub\":\"u-1\",\"email\":\"ravi@example.com\",\"role\":\"admin\",\"iat\":${now.epochSecond},\"exp\":${now.epochSecond + 999}}".toByteArray())
        assertEquals(ErrorCode.TOKEN_SIGNATURE, codeOf { verifyToken("$h.$forged.$s", ring, now = now) })
        // alg=none from jsonwebtoken: refused as an algorithm.
        val none = node("console.log(require('jsonwebtoken').sign({ sub: 'u' }, null, { algorithm: 'none' }))")
        assertEquals(ErrorCode.TOKEN_ALGORITHM, codeOf { verifyToken(none, ring, now = now) })
    }

    @Test
    fun kotlinIssuesTheTokensRustRecorded() {
        // jwt_sparrow.jsonl holds tokens the Rust core issued (and its tests verify):
        // the same claims and time through Kotlin give the same bytes.
        for (row in rows("jwt_sparrow")) {
            val kid = row.text("kid")
            val r = if (kid == null) Keyring.legacy(SECRET) else Keyring(kid, SECRET)
            val c = row.get("claims")
            val iat = c.get("iat").asLong()
            val token = issueToken(
                TokenSubject(
                    sub = c.text("sub")!!,
                    email = c.text("email")!!,
                    role = c.text("role")!!,
                    ownerId = c.text("ownerId"),
                    allowedPages = c.get("allowedPages")?.map { it.asText() },
                    jti = c.text("jti"),
                ),
                r,
                expiresIn = "${c.get("exp").asLong() - iat}s",
                now = Instant.ofEpochSecond(iat),
                issuer = c.text("iss"),
                audience = c.get("aud")?.takeIf { it.isTextual }?.asText(),
                tokenUse = c.text("token_use")?.let { TokenUse.valueOf(it.uppercase()) },
                notBefore = c.get("nbf")?.let { Instant.ofEpochSecond(it.asLong()) },
            )
            assertEquals(row.text("token"), token)
        }
    }
}
