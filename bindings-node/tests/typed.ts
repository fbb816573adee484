// Checked by `tsc --noEmit` (npm run typecheck): the typings describe the package as a
// NestJS service uses it, under isolatedModules (SWC, Babel) — and refuse misuse.
import {
  Keyring,
  parseMoney,
  formatInr,
  validateProfile,
  classifyBlended,
  hashPassword,
  verifyPassword,
  verifyToken,
  issueToken,
  authorize,
  checkEnv,
  allCodes,
  type Money,
  type Claims,
  type ErrorCode,
  type SparrowError,
  type Verification,
  type BlendedClassification,
  type DecimalText,
  type GoalProgress,
  type PortfolioAnalysis,
  xirr,
  analyzePortfolio,
  FundTable,
  TaxTable,
  goalProgress,
  sipNeeded,
} from '../index.js'

const amount: Money = parseMoney('1,250.50')
const text: string = formatInr(amount)
const asNumber: string = formatInr(1250)

const profile = validateProfile({ age: 30, horizon_years: 5 }, { mode: 'compat' })
const years: number = profile.horizon_years
const blended: BlendedClassification = classifyBlended(profile)
const equity: string = blended.blended_allocation.equity

const ring = new Keyring('k1', 'secret-from-env')
const token: string = issueToken({ sub: 'u', email: 'e@x.in', role: 'user' }, ring, { expiresIn: '15m', now: new Date() })
const claims: Claims = verifyToken(token, ring, { now: 1_700_000_000n, tokenUse: 'access' })
const role: string = claims.role
const decision = authorize(role, ['admin', 'super_admin'], { page: 'clients' })
const allowed: boolean = decision.allowed

async function login(password: string, hash: string): Promise<boolean> {
  const v: Verification = await verifyPassword(password, hash, { signal: AbortSignal.timeout(1000) })
  if (v.needs_rehash) await hashPassword(password)
  return v.matched
}

function codeOf(e: unknown): ErrorCode | undefined {
  const err = e as SparrowError
  return err.code === 'token_expired' || err.code === 'password_too_short' ? err.code : undefined
}

const codes: ErrorCode[] = allCodes()
const problems = checkEnv(process.env, { nodeEnv: 'production' })
const first: ErrorCode | undefined = problems[0]?.code

// @ts-expect-error a mode outside the union
validateProfile({}, { mode: 'lax' })
// @ts-expect-error a role outside the union
authorize('user', ['root'])
// @ts-expect-error booleans are not decimals
formatInr(true)
const rate: DecimalText = xirr([{ date: '2025-01-01', amount: -100 }, { date: '2026-01-01', amount: '110.00' }])
const goal: GoalProgress = goalProgress('25000', 100000)
const sip: Money = sipNeeded(1000000, 0, '0.12', 120)
// @ts-expect-error a flow is { date, amount }, not a pair
xirr([['2025-01-01', -100]])
// @ts-expect-error months are a number
sipNeeded(1, 0, '0.1', '12')
// @ts-expect-error a made-up code is not an ErrorCode
const bogus: ErrorCode = 'not_a_code'
// @ts-expect-error Money is a branded string: plain text is not Money without parsing
const raw: Money = '12.50'

const analysis: PortfolioAnalysis = analyzePortfolio(
  { holdings: [{ scheme_code: 1, amount: 1000 }], target_allocation: { equity: 1 }, profile: {} },
  FundTable.fallback(),
  { today: '2025-06-30', tax: TaxTable.parity(), mode: 'compat' },
)
const firstAction: 'SELL' | 'HOLD' | 'BUY' | 'ADD_NEW' | undefined = analysis.rebalancing_actions[0]?.action
const soldTotal: Money = analysis.summary.total_sell_amount
// @ts-expect-error today is required
analyzePortfolio({}, FundTable.fallback(), {})
// @ts-expect-error the tax table is a TaxTable
analyzePortfolio({}, FundTable.fallback(), { today: '2025-06-30', tax: 'parity' })

export { analysis, firstAction, soldTotal, text, asNumber, years, equity, allowed, login, codeOf, codes, first, bogus, raw, rate, goal, sip }
