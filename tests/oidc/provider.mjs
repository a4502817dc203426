// A real OpenID Connect provider (npm oidc-provider) for the sign-in tests, over plain http on 127.0.0.1.
//
// Started by tests/oidc/conftest.py as `node tests/oidc/provider.mjs` with:
//   PORT                        the port to listen on (127.0.0.1 only)
//   REDIRECT_URIS               comma-separated redirect URIs registered for the clients
//   POST_LOGOUT_REDIRECT_URIS   comma-separated addresses the provider may send people to after sign-out
//   CLOCK_SKEW_SECONDS          optional: the provider's clock runs this far from the real one (negative:
//                               behind), so the tokens it issues are already expired when they arrive
//   ID_TOKEN_TTL                optional: ID token lifetime in seconds (default 3600)
// It prints "listening <issuer>" on standard output once it accepts connections.
//
// Two clients: "tracker" (the app under test) and "other-app" (another relying party of the same provider,
// whose tokens the tracker must refuse). People sign in at /interaction/<uid> by posting their login name; the
// consent step is granted automatically, as an organisation's provider does for an app it has approved.
import Provider from 'oidc-provider';

const port = Number(process.env.PORT);
const skew = Number(process.env.CLOCK_SKEW_SECONDS || 0);
if (skew) {
  const realNow = Date.now;
  Date.now = () => realNow() + skew * 1000;
}
const issuer = `http://127.0.0.1:${port}`;
const redirectUris = (process.env.REDIRECT_URIS || '').split(',').filter(Boolean);
const postLogoutRedirectUris = (process.env.POST_LOGOUT_REDIRECT_URIS || '').split(',').filter(Boolean);

// Test people: login name -> claims. No real people; the domains are the council's and someone else's.
const PEOPLE = {
  'jane.smith': { email: 'jane.smith@solihull.gov.uk', name: 'Jane Smith', preferred_username: 'jane.smith@solihull.gov.uk' },
  'board.member': { email: 'Board.Member@Solihull.GOV.UK', name: 'Board Member', preferred_username: 'board.member@solihull.gov.uk' },
  'partner': { email: 'pat.partner@westmidlands.police.example', name: 'Pat Partner', preferred_username: 'pat.partner@westmidlands.police.example' },
  'no.email': { name: 'No Email', preferred_username: 'no.email' },
};

const client = (clientId, secret) => ({
  client_id: clientId,
  client_secret: secret,
  redirect_uris: redirectUris,
  post_logout_redirect_uris: postLogoutRedirectUris,
  response_types: ['code'],
  grant_types: ['authorization_code'],
  token_endpoint_auth_method: 'client_secret_post',
});

const provider = new Provider(issuer, {
  clients: [client('tracker', 'tracker-secret'), client('other-app', 'other-app-secret')],
  async findAccount(ctx, id) {
    if (!PEOPLE[id]) return undefined;
    return { accountId: id, async claims() { return { sub: id, ...PEOPLE[id] }; } };
  },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'preferred_username'] },
  scopes: ['openid', 'email', 'profile'],
  features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  cookies: { keys: ['tests-only-cookie-signing-key'] },
  ttl: {
    IdToken: Number(process.env.ID_TOKEN_TTL || 3600),
    AccessToken: 3600,
    AuthorizationCode: 60,
    Interaction: 3600,
    Session: 3600,
    Grant: 3600,
  },
});

function page(body) {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Test provider</title></head><body>${body}</body></html>`;
}

async function formBody(req) {
  let raw = '';
  for await (const chunk of req) raw += chunk;
  return new URLSearchParams(raw);
}

provider.use(async (ctx, next) => {
  const match = ctx.path.match(/^\/interaction\/([^/]+)(\/login)?$/);
  if (!match) return next();
  const details = await provider.interactionDetails(ctx.req, ctx.res);
  const { prompt, params, session } = details;
  if (prompt.name === 'consent') {
    const grant = details.grantId ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
    grant.addOIDCScope(params.scope);
    const grantId = await grant.save();
    ctx.redirect(await provider.interactionResult(ctx.req, ctx.res, { consent: { grantId } }, { mergeWithLastSubmission: true }));
    return undefined;
  }
  if (ctx.method === 'POST' && match[2]) {
    const login = (await formBody(ctx.req)).get('login') || '';
    if (PEOPLE[login]) {
      ctx.redirect(await provider.interactionResult(ctx.req, ctx.res, { login: { accountId: login } }, { mergeWithLastSubmission: false }));
      return undefined;
    }
    ctx.status = 400;
  }
  ctx.type = 'html';
  ctx.body = page(`<h1>Sign in to the test provider</h1>
    <form method="post" action="/interaction/${details.uid}/login">
      <label for="login">Login</label><input id="login" name="login"><button type="submit">Sign in</button>
    </form>`);
  return undefined;
});

const server = provider.listen(port, '127.0.0.1', () => {
  process.stdout.write(`listening ${issuer}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
