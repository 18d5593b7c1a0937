/**
 * Secrets (webhook URLs, SMTP passwords, database URLs) must never reach a log, summary, artifact
 * or fallback line. Two nets: known secret values are replaced wherever they appear, and fields
 * whose names say "secret" are masked whatever their value.
 */
export const REDACTED = '***';

const SECRET_KEY =
  /(pass(word)?|secret|token|webhook_?url|database_?url|api_?key|authorization|smtp_pass|credential)/i;

/** userinfo in a URL (`postgres://user:pw@host`) is a secret even when we were not told about it. */
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s/@:]+)(:[^\s/@]*)?@/gi;

/** Masks the userinfo of every URL in `text` (`http://user:pw@host` → `http://***@host`). */
export function maskUrlUserinfo(text: string): string {
  return text.replace(URL_USERINFO, (_m, scheme: string) => `${scheme}${REDACTED}@`);
}

export class Redactor {
  private readonly secrets = new Set<string>();
  /** The secrets longest first (so a URL is masked whole before its path would be); made on first use after a change. */
  private longestFirst: string[] | null = null;

  /** Registers a secret value; short values are ignored because masking "1" would mangle text. */
  add(value: string | undefined | null): void {
    if (!value || value.length < 6) return;
    this.longestFirst = null;
    this.secrets.add(value);
    // A URL is often logged without its query or path; mask the distinctive tail too.
    try {
      const url = new URL(value);
      if (url.pathname.length > 8) this.secrets.add(url.pathname);
      if (url.password) this.secrets.add(url.password);
    } catch {
      /* not a URL */
    }
  }

  get size(): number {
    return this.secrets.size;
  }

  text(input: string): string {
    let out = input;
    this.longestFirst ??= [...this.secrets].sort((a, b) => b.length - a.length);
    for (const secret of this.longestFirst) {
      if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    }
    // Most strings hold no URL: no regular expression run for them.
    return out.includes('://') ? maskUrlUserinfo(out) : out;
  }

  /** Deep copy with secret-named keys masked and secret values replaced in every string. */
  value<T>(input: T): T {
    return this.walk(input, undefined) as T;
  }

  private walk(input: unknown, key: string | undefined): unknown {
    if (typeof input === 'string') {
      // A `*_env` key (database_url_env) holds the NAME of the variable with the secret, not the secret.
      if (key !== undefined && SECRET_KEY.test(key) && !/_env$/i.test(key) && input.length > 0)
        return REDACTED;
      return this.text(input);
    }
    if (Array.isArray(input)) return input.map((v) => this.walk(v, undefined));
    if (input instanceof Error) return this.text(input.message);
    if (input && typeof input === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(input)) out[k] = this.walk(v, k);
      return out;
    }
    return input;
  }
}
