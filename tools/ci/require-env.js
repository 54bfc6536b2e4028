// Fails (not skips) a test tier whose required environment variable is missing.
const name = process.argv[2];
if (!process.env[name]) {
  process.stderr.write(`${name} must be set for this test tier (e.g. ${name}=mysql://root@127.0.0.1:3306/test)\n`);
  process.exit(1);
}
