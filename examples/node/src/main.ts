import { createApp } from './app'

async function main() {
  const { app } = await createApp(process.env)
  await app.listen(Number(process.env.PORT ?? 3000), '127.0.0.1')
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
