// What an app does with sparrow-core: exact money, a validation error shown by its
// code, a persona for a profile, and a token checked on the device.
import Foundation
import SparrowCore

do {
    let sip = try parseMoney(text: "₹25,000")
    print("monthly SIP:", try formatInr(amount: sip), "/", try formatCompact(amount: sip * 12), "a year")
    let parts = try allocate(amount: sip, weights: [60, 25, 15])
    print("split 60/25/15:", parts.map { NSDecimalNumber(decimal: $0).stringValue }.joined(separator: " + "))

    do {
        _ = try validatePan(pan: "ABCPE12345")
    } catch let e as SparrowError {
        // Switch on the code constant, never on the text.
        switch e.code() {
        case ErrorCode.panFormat: print("PAN refused:", e.detail())
        default: print("other error:", e.code())
        }
    }

    let profile = ProfileInput(age: 34, horizonYears: 15, riskTolerance: "Moderate",
                               volatility: "Medium", liquidity: "Medium", knowledge: "Intermediate")
    let blend = try classifyBlended(profile: profile)
    print("persona:", blend.primaryPersona.name, "confidence", blend.confidence)
    for share in blend.blendedAllocation {
        print("  \(share.assetClass):", share.value)
    }

    let ring = try Keyring(kid: "k1", secret: "3Xy1ayYgQqDO-B8AD9yFLldY8XTEICtbj_W-tA933G4")
    let token = try issueToken(subject: TokenSubject(sub: "u-1", email: "ravi@example.com", role: "investor"),
                               keyring: ring, expiresIn: "15m")
    let claims = try verifyToken(token: token, keyring: ring)
    print("token for", claims.sub, "refresh soon:", try shouldRefresh(claims: claims))
} catch {
    print("error:", error)
    exit(1)
}
