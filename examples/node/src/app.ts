// The application: configuration checked first, then PostgreSQL, CORS from the
// environment, and a ValidationPipe that runs the sparrow-core decorators.
import 'reflect-metadata'
import { Module, ValidationPipe, type DynamicModule, type INestApplication } from '@nestjs/common'
import { NestFactory } from '@nestjs/core'
import type { Pool } from 'pg'
import { AuthController, AuthService, CONFIG, JwtAuthGuard, POOL, RolesGuard } from './auth'
import { loadConfig, type Config } from './config'
import { openPool } from './db'
import { AccountController, ApiKeyController, InvestorController } from './routes'

@Module({})
class AppModule {
  static with(config: Config, pool: Pool): DynamicModule {
    return {
      module: AppModule,
      controllers: [AuthController, AccountController, InvestorController, ApiKeyController],
      providers: [
        { provide: CONFIG, useValue: config },
        { provide: POOL, useValue: pool },
        AuthService,
        JwtAuthGuard,
        RolesGuard,
      ],
    }
  }
}

export interface App {
  app: INestApplication
  pool: Pool
  config: Config
}

/** Builds the app; throws ConfigRefused before anything starts when the env is unsafe. */
export async function createApp(env: Record<string, string | undefined>): Promise<App> {
  const config = loadConfig(env)
  const pool = await openPool(config.databaseUrl)
  const app = await NestFactory.create(AppModule.with(config, pool), { logger: ['error'] })
  app.enableCors({ origin: config.corsOrigins, credentials: true })
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true }))
  return { app, pool, config }
}
