// The users table as Prisma keeps it (camelCase columns, quoted), on node-postgres.
import { Pool } from 'pg'
import { apiKeysMigrationSql } from 'sparrow-core'

export const USERS_DDL = `
CREATE EXTENSION IF NOT EXISTS pgcrypto;
CREATE TABLE IF NOT EXISTS "users" (
  "id" UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  "email" TEXT NOT NULL UNIQUE,
  "password" TEXT NOT NULL,
  "name" TEXT NOT NULL,
  "role" TEXT NOT NULL DEFAULT 'user'
    CHECK ("role" IN ('user', 'investor', 'advisor', 'fa_staff', 'admin', 'super_admin')),
  "ownerId" UUID,
  "allowedPages" TEXT[],
  "isActive" BOOLEAN NOT NULL DEFAULT TRUE,
  "createdAt" TIMESTAMPTZ NOT NULL DEFAULT now()
);`

export interface UserRow {
  id: string
  email: string
  password: string
  name: string
  role: string
  ownerId: string | null
  allowedPages: string[] | null
  isActive: boolean
}

export async function openPool(url: string): Promise<Pool> {
  const pool = new Pool({ connectionString: url, max: 5 })
  await pool.query(USERS_DDL)
  // The API keys the admin issues for the ML service (sparrow-core's table: digests only).
  await pool.query(apiKeysMigrationSql())
  return pool
}
