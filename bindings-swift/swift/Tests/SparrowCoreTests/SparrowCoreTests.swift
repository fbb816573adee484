// XCTest for the Swift package: money, a validation error with its code, a token round
// trip. NOT RUN ON THIS PROJECT'S MACHINES (no Swift toolchain); run on macOS with
//   bash bindings-swift/scripts/build-xcframework.sh && swift test --package-path bindings-swift/swift
import Foundation
import XCTest
@testable import SparrowCore

final class SparrowCoreTests: XCTestCase {
    private let secret = "3Xy1ayYgQqDO-B8AD9yFLldY8XTEICtbj_W-tA933G4"

    func testMoneyIsExactDecimal() throws {
        let amount = try parseMoney(text: "₹1,23,456.78")
        XCTAssertEqual(amount, Decimal(string: "123456.78", locale: Locale(identifier: "en_US_POSIX")))
        XCTAssertEqual(try formatInr(amount: amount), "₹1,23,456.78")
        let parts = try allocate(amount: Decimal(100), weights: [1, 1, 1])
        XCTAssertEqual(parts.map { NSDecimalNumber(decimal: $0).stringValue }, ["33.34", "33.33", "33.33"])
        XCTAssertEqual(parts.reduce(0, +), Decimal(100))
    }

    func testValidationErrorCarriesItsCode() {
        XCTAssertThrowsError(try validatePan(pan: "ABCPE12345")) { error in
            guard let e = error as? SparrowError else { return XCTFail("not a SparrowError: \(error)") }
            XCTAssertEqual(e.code(), ErrorCode.panFormat)
            XCTAssertEqual(e.kind(), ErrorKind.input)
            XCTAssertEqual(e.errors().map(\.field), ["pan"])
        }
        XCTAssertThrowsError(try validateProfile(input: ProfileInput(age: 5, horizonYears: 99))) { error in
            guard case let SparrowError.Failure(code, _, _, errors) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(code, ErrorCode.profileInvalid)
            XCTAssertEqual(errors.map(\.field), ["age", "horizon_years"])
        }
    }

    func testTokenRoundTrip() throws {
        let ring = try Keyring(kid: "k1", secret: secret)
        let now = Date(timeIntervalSince1970: 1_767_225_600)
        let token = try issueToken(
            subject: TokenSubject(sub: "u-1", email: "ravi@example.com", role: "investor"),
            keyring: ring, expiresIn: "15m", now: now)
        let claims = try verifyToken(token: token, keyring: ring, now: now)
        XCTAssertEqual(claims.sub, "u-1")
        XCTAssertEqual(claims.exp, 1_767_225_600 + 900)
        XCTAssertThrowsError(try verifyToken(token: token, keyring: ring, now: now.addingTimeInterval(3600))) { error in
            XCTAssertEqual((error as? SparrowError)?.code(), ErrorCode.tokenExpired)
        }
    }

    func testReturnsAndGoals() throws {
        let flows = [
            CashFlow(date: "2025-01-01", amount: Decimal(-10_000)),
            CashFlow(date: "2026-01-01", amount: Decimal(string: "11000.00", locale: Locale(identifier: "en_US_POSIX"))!),
        ]
        XCTAssertEqual(try xirr(flows: flows), Decimal(string: "0.1", locale: Locale(identifier: "en_US_POSIX"))!)
        XCTAssertEqual(try sipNeeded(target: Decimal(1_000_000), current: Decimal(0),
                                     annualRate: Decimal(string: "0.12", locale: Locale(identifier: "en_US_POSIX"))!, months: 120),
                       Decimal(string: "4463.58", locale: Locale(identifier: "en_US_POSIX"))!)
        XCTAssertEqual(try monthsUntil(today: "2025-01-15", by: "2025-03-14"), 1)
        XCTAssertThrowsError(try monthsUntil(today: "2025-1-15", by: "2025-03-14")) { error in
            XCTAssertEqual((error as? SparrowError)?.code(), ErrorCode.dateInvalid)
        }
    }

    func testPortfolioAnalysis() throws {
        let body = """
        {"holdings": [{"scheme_code": 119598, "amount": 500000, "purchase_date": "2024-05-26", "purchase_amount": 200000}],
         "target_allocation": {"debt": 1}, "profile": {}}
        """
        let analysis = try analyzePortfolio(requestJson: body, funds: try FundTable.fallback(), today: "2025-06-30",
                                            tax: try TaxTable.equity2024())
        XCTAssertEqual(analysis.rebalancingActions.first?.action, ActionKind.sell)
        XCTAssertEqual(analysis.rebalancingActions.first?.transactionAmount, Decimal(-500_000))
        XCTAssertEqual(analysis.taxImpactSummary,
                       "Estimated INR 21,875 LTCG tax (gains: INR 300,000 above INR 1.25L exemption)")
        XCTAssertThrowsError(try analyzePortfolio(requestJson: "{}", funds: try FundTable.fallback(), today: "2025-06-30")) { error in
            XCTAssertEqual((error as? SparrowError)?.code(), ErrorCode.portfolioInput)
        }
    }
}
