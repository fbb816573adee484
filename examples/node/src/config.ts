// Configuration from the environment, checked by sparrow-core before the app boots:
// in production any problem (a weak or default JWT secret, a wildcard CORS origin, a
// placeholder password, …) refuses the boot — nothing falls back to a default.
import { ApiKeyPepper, checkEnv, Keyring, type EnvProblem } from 'sparrow-core'

export interface Config {
  nodeEnv: string
  databaseUrl: string
  corsOrigins: string[]
  keyring: Keyring
  /** The pepper of the ML service's API keys (SPARROW_API_KEY_PEPPER); issuing needs it. */
  apiKeyPepper: ApiKeyPepper | null
}

export class ConfigRefused extends Error {
  constructor(readonly problems: EnvProblem[]) {
    super(`configuration refused: ${problems.map((p) => `${p.variable} (${p.code})`).join(', ')}`)
    this.name = 'ConfigRefused'
  }
}

export function loadConfig(env: Record<string, string | undefined>): Config {
  const nodeEnv = env.NODE_ENV ?? 'development'
  const problems = checkEnv(env, { nodeEnv })
  if (nodeEnv === 'production' && problems.length > 0) throw new ConfigRefused(problems)
  const secret = env.JWT_SECRET
  if (!secret) throw new ConfigRefused(problems)
  // The current key signs; today's kid-less tokens (signed with JWT_LEGACY_SECRET by
  // @nestjs/jwt) are still accepted until they expire.
  let keyring = new Keyring(env.JWT_KID ?? 'current', secret)
  if (env.JWT_LEGACY_SECRET) keyring = keyring.withLegacyKey(env.JWT_LEGACY_SECRET)
  return {
    nodeEnv,
    databaseUrl: env.DATABASE_URL ?? '',
    corsOrigins: (env.CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean),
    keyring,
    apiKeyPepper: env.SPARROW_API_KEY_PEPPER ? new ApiKeyPepper(env.SPARROW_API_KEY_PEPPER) : null,
  }
}
