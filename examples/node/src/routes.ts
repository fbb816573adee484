// Guarded routes, the profile endpoint and a DTO validated by sparrow-core decorators.
import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  InternalServerErrorException,
  NotFoundException,
  Param,
  Post,
  Req,
  UnprocessableEntityException,
  UseGuards,
} from '@nestjs/common'
import { IsString } from 'class-validator'
import { Pool } from 'pg'
import { classifyBlended, issueApiKey, validateProfile, type SparrowError } from 'sparrow-core'
import { CONFIG, JwtAuthGuard, Page, POOL, Roles, RolesGuard, type AuthedRequest } from './auth'
import type { Config } from './config'
import { IsIfsc, IsMobile, IsMoney, IsPan } from './validators'

@Controller()
@UseGuards(JwtAuthGuard, RolesGuard)
export class AccountController {
  constructor(@Inject(POOL) private readonly pool: Pool) {}

  @Get('me')
  me(@Req() req: AuthedRequest) {
    return { sub: req.user.sub, email: req.user.email, role: req.user.role }
  }

  @Get('admin/users')
  @Roles('admin', 'super_admin')
  async users() {
    const r = await this.pool.query('SELECT "email", "role" FROM "users" ORDER BY "email"')
    return r.rows
  }

  @Get('clients')
  @Roles('advisor', 'fa_staff')
  @Page('clients')
  clients(@Req() req: AuthedRequest) {
    return { advisor: req.user.ownerId ?? req.user.sub, clients: [] }
  }
}

/** A KYC form: every rule from sparrow-core through class-validator. */
export class KycDto {
  @IsPan()
  pan!: string

  @IsIfsc()
  ifsc!: string

  @IsMobile()
  mobile!: string

  @IsMoney()
  monthlySip!: string

  @IsString()
  name!: string
}

@Controller()
@UseGuards(JwtAuthGuard, RolesGuard)
export class InvestorController {
  @Post('kyc')
  @HttpCode(200)
  kyc(@Body() body: KycDto) {
    return { accepted: true, name: body.name }
  }

  /** The risk profile: every problem at once (422), or the profile and its personas. */
  @Post('profile')
  @HttpCode(200)
  profile(@Body() body: unknown) {
    try {
      const profile = validateProfile(body as object)
      return { profile, personas: classifyBlended(profile) }
    } catch (e) {
      const err = e as SparrowError
      throw new UnprocessableEntityException({ code: err.code, errors: err.errors })
    }
  }
}

/**
 * API keys for the ML service, issued and revoked by an admin into the `api_keys` table
 * the ML service reads. The key text is in the answer once; only its digest is stored.
 */
@Controller('admin/api-keys')
@UseGuards(JwtAuthGuard, RolesGuard)
@Roles('admin', 'super_admin')
export class ApiKeyController {
  constructor(
    @Inject(POOL) private readonly pool: Pool,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  @Post()
  async issue(@Body() body: { clientId?: unknown; scopes?: unknown; environment?: unknown; expiresAt?: unknown }) {
    const pepper = this.config.apiKeyPepper
    if (!pepper) throw new InternalServerErrorException({ code: 'api_key_pepper' })
    let issued
    try {
      issued = issueApiKey(String(body.clientId ?? ''), Array.isArray(body.scopes) ? body.scopes.map(String) : [], {
        pepper,
        environment: body.environment === 'test' ? 'test' : 'live',
        ...(typeof body.expiresAt === 'number' ? { expiresAt: body.expiresAt } : {}),
      })
    } catch (e) {
      throw new BadRequestException({ code: (e as SparrowError).code })
    }
    const r = issued.record
    await this.pool.query(
      'INSERT INTO api_keys (key_id, environment, client_id, digest, scopes, created_at, expires_at, revoked) ' +
        'VALUES ($1, $2, $3, $4, $5, to_timestamp($6), to_timestamp($7), $8)',
      [r.key_id, r.environment, r.client_id, r.digest, r.scopes, r.created_at, r.expires_at, r.revoked],
    )
    return { key: issued.key, key_id: r.key_id, client_id: r.client_id, scopes: r.scopes, expires_at: r.expires_at }
  }

  @Delete(':keyId')
  @HttpCode(204)
  async revoke(@Param('keyId') keyId: string) {
    const found = await this.pool.query('UPDATE api_keys SET revoked = TRUE WHERE key_id = $1', [keyId])
    if (found.rowCount === 0) throw new NotFoundException({ code: 'api_key_unknown' })
  }
}

