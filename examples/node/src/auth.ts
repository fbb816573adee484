// Registration, login with the legacy-bcrypt upgrade, and the two guards.
import {
  Body,
  CanActivate,
  Controller,
  ExecutionContext,
  ForbiddenException,
  HttpCode,
  Inject,
  Injectable,
  SetMetadata,
  UnauthorizedException,
  BadRequestException,
  ConflictException,
  Post,
} from '@nestjs/common'
import { Reflector } from '@nestjs/core'
import { IsOptional, IsString } from 'class-validator'
import type { Request } from 'express'
import { Pool } from 'pg'
import {
  authorize,
  bearerToken,
  checkPassword,
  dummyVerify,
  hashPassword,
  issueToken,
  verifyPassword,
  verifyToken,
  type Claims,
  type RoleName,
  type SparrowError,
} from 'sparrow-core'
import type { Config } from './config'
import type { UserRow } from './db'

export const CONFIG = Symbol('CONFIG')
export const POOL = Symbol('POOL')

/** The claims of a verified token, on the request. */
export interface AuthedRequest extends Request {
  user: Claims
}

@Injectable()
export class AuthService {
  constructor(
    @Inject(CONFIG) private readonly config: Config,
    @Inject(POOL) private readonly pool: Pool,
  ) {}

  async register(email: string, password: string, name: string): Promise<{ id: string }> {
    // The recommended policy, with the user's own details as context words.
    const failed = checkPassword(password, { policy: 'recommended', context: [email, name] })
    if (failed.length > 0) throw new BadRequestException({ code: 'password_policy', errors: failed })
    const hash = await hashPassword(password)
    try {
      const r = await this.pool.query<{ id: string }>(
        'INSERT INTO "users" ("email", "password", "name") VALUES ($1, $2, $3) RETURNING "id"',
        [email.toLowerCase(), hash, name],
      )
      return { id: r.rows[0].id }
    } catch (e) {
      if ((e as { code?: string }).code === '23505') throw new ConflictException({ code: 'email_taken' })
      throw e
    }
  }

  async login(email: string, password: string): Promise<{ token: string }> {
    const r = await this.pool.query<UserRow>('SELECT * FROM "users" WHERE "email" = $1 AND "isActive"', [
      String(email).toLowerCase(),
    ])
    const user = r.rows[0]
    if (!user) {
      // As long as a real verification, so unknown emails cannot be told apart.
      await dummyVerify(password)
      throw new UnauthorizedException({ code: 'login_failed' })
    }
    const v = await verifyPassword(password, user.password)
    if (!v.matched) throw new UnauthorizedException({ code: 'login_failed' })
    if (v.needs_rehash) {
      // A legacy bcrypt row (or weaker argon2) becomes argon2id on the first good login.
      await this.pool.query('UPDATE "users" SET "password" = $1 WHERE "id" = $2', [await hashPassword(password), user.id])
    }
    const token = issueToken(
      {
        sub: user.id,
        email: user.email,
        role: user.role,
        ownerId: user.ownerId,
        allowedPages: user.allowedPages,
      },
      this.config.keyring,
      { expiresIn: '15m' },
    )
    return { token }
  }
}

class Credentials {
  @IsString()
  email!: string

  @IsString()
  password!: string

  @IsOptional()
  @IsString()
  name!: string
}

@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('register')
  register(@Body() body: Credentials) {
    return this.auth.register(String(body.email ?? ''), String(body.password ?? ''), String(body.name ?? ''))
  }

  @Post('login')
  @HttpCode(200)
  login(@Body() body: Credentials) {
    return this.auth.login(String(body.email ?? ''), String(body.password ?? ''))
  }
}

/** Verifies the bearer token (kid rotation; today's kid-less tokens via the legacy key). */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(@Inject(CONFIG) private readonly config: Config) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<AuthedRequest>()
    try {
      const token = bearerToken(req.headers.authorization ?? '')
      req.user = verifyToken(token, this.config.keyring)
      return true
    } catch (e) {
      // Check err.code, not instanceof: under Jest each test file has its own realm.
      throw new UnauthorizedException({ code: (e as SparrowError).code ?? 'token_malformed' })
    }
  }
}

export const ROLES = 'sparrow:roles'
export const PAGE = 'sparrow:page'
/** The roles a route requires (none: any authenticated user). */
export const Roles = (...roles: RoleName[]) => SetMetadata(ROLES, roles)
/** The page a staff member must have in allowedPages. */
export const Page = (page: string) => SetMetadata(PAGE, page)

/** sparrow-core's authorize: the staff allowedPages rule, and no environment bypass. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<RoleName[]>(ROLES, [context.getHandler(), context.getClass()]) ?? []
    const page = this.reflector.getAllAndOverride<string>(PAGE, [context.getHandler(), context.getClass()])
    const req = context.switchToHttp().getRequest<AuthedRequest>()
    const d = authorize(req.user.role, roles, { page, allowedPages: req.user.allowedPages })
    if (!d.allowed) throw new ForbiddenException({ code: d.reason })
    return true
  }
}
