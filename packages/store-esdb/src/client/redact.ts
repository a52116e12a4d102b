/**
 * Removes the password from an EventStoreDB connection string (`esdb://user:secret@host:2113?...` →
 * `esdb://user:***@host:2113?...`), so the string can be logged or put in an error. Query parameters
 * whose name suggests a secret (`password`, `token`, `key` when it is not a file path option) are
 * masked too. The user name stays: it helps diagnose "wrong user" without being a secret.
 *
 * @example redactConnectionString("esdb://admin:changeit@db:2113?tls=true") // "esdb://admin:***@db:2113?tls=true"
 */
export const redactConnectionString = (connectionString: string): string =>
  connectionString
    .replace(
      /^([a-z+]+:\/\/)([^:@/]*):([^@]*)@/i,
      (_m, scheme: string, user: string) => `${scheme}${user}:***@`,
    )
    .replace(/([?&](?:password|passwd|pwd|token|secret)=)[^&]*/gi, "$1***");

/**
 * Replaces every occurrence of each secret in a text, also URL-encoded and base64 (an error message
 * from the client or gRPC may echo the connection string or a Basic authorization header).
 *
 * @example redactSecrets("auth failed for admin:changeit", ["changeit"]) // "auth failed for admin:***"
 */
export const redactSecrets = (text: string, secrets: ReadonlyArray<string>): string => {
  // A Basic authorization header carries user:password in base64, whatever the secrets list says.
  // So does a connection string echoed in a message.
  let out = text
    .replace(/\b(Basic\s+)[A-Za-z0-9+/]{4,}={0,2}/g, "$1***")
    .replace(/((?:esdb|kurrentdb|kurrent|kdb)(?:\+discover)?:\/\/[^:@/\s]*):[^@\s]*@/gi, "$1:***@");
  for (const secret of secrets) {
    if (secret.length === 0) continue;
    const variants = new Set([secret, encodeURIComponent(secret), Buffer.from(secret).toString("base64")]);
    for (const v of variants) out = out.split(v).join("***");
  }
  return out;
};
