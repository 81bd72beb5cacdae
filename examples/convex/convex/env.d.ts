// Convex's default runtime exposes the deployment's environment variables as
// `process.env` (and nothing else of Node's `process`); declared here instead of pulling
// in all of @types/node, which would also type Node APIs the runtime does not have.
declare const process: { readonly env: Readonly<Record<string, string | undefined>> };
