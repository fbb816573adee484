// Guarded routes, the profile endpoint and a DTO validated by sparrow-core decorators.
import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Post,
  Req,
  UnprocessableEntityException,
  UseGuards,
} from '@nestjs/common'
import { IsString } from 'class-validator'
import { Pool } from 'pg'
import { classifyBlended, validateProfile, type SparrowError } from 'sparrow-core'
import { JwtAuthGuard, Page, POOL, Roles, RolesGuard, type AuthedRequest } from './auth'
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
