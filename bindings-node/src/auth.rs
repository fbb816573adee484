//! auth: passwords (Promises on the libuv pool, with sync twins), tokens, access,
//! configuration.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use napi::bindgen_prelude::{AsyncTask, FnArgs, Function, JsObjectValue, Object};
use napi::{Env, Task, Unknown, ValueType};
use napi_derive::napi;
use sparrow_core::contract::{self, ArgumentError, EnvProblemRecord};
use sparrow_core::jwt::{self, IssueOptions, Lifetime, TokenUse, VerifyOptions};
use sparrow_core::password::{self, PasswordPolicy, Verification};

use crate::js::{self, Options, OrThrow, Result};

// ---------------------------------------------------------------- password policy

struct PolicyArgs {
    policy: PasswordPolicy,
    context: Vec<String>,
}

fn policy_args(env: &Env, options: Option<Unknown<'_>>) -> Result<PolicyArgs> {
    let options = Options::new(env, options, &["policy", "context"], "policy, context")?;
    let policy = match options.text(env, "policy")? {
        None => contract::DEFAULT_POLICY.into(),
        Some(n) => n.parse::<PasswordPolicy>().or_throw(env)?,
    };
    let context = match options.get(env, "context")? {
        None => Vec::new(),
        Some(v) => js::strings(env, v, "context")?,
    };
    Ok(PolicyArgs { policy, context })
}

/// The rules the password fails (codes), empty when it is acceptable.
#[napi(
    ts_args_type = "password: string | Uint8Array, options?: { policy?: PasswordPolicyName, context?: string[] }",
    ts_return_type = "PasswordRuleCode[]"
)]
pub fn check_password(
    env: Env,
    password: Unknown<'_>,
    options: Option<Unknown<'_>>,
) -> Result<Vec<&'static str>> {
    let password = js::text_or_bytes(&env, password, "password")?;
    let args = policy_args(&env, options)?;
    let refs: Vec<&str> = args.context.iter().map(String::as_str).collect();
    Ok(password::check_password(&password, &args.policy, &refs)
        .iter()
        .map(|r| r.code())
        .collect())
}

/// Throws a `PasswordPolicyError` (`.errors` lists every failed rule) unless the
/// password is acceptable.
#[napi(
    ts_args_type = "password: string | Uint8Array, options?: { policy?: PasswordPolicyName, context?: string[] }"
)]
pub fn require_password(
    env: Env,
    password: Unknown<'_>,
    options: Option<Unknown<'_>>,
) -> Result<()> {
    let password = js::text_or_bytes(&env, password, "password")?;
    let args = policy_args(&env, options)?;
    let refs: Vec<&str> = args.context.iter().map(String::as_str).collect();
    password::require_password(&password, &args.policy, &refs).or_throw(&env)
}

// ---------------------------------------------------------------- hashing tasks

/// An `AbortSignal`'s state, shared with the work on the libuv pool: set by an `abort`
/// listener, read when the work starts (and by training at every step).
#[derive(Debug, Clone, Default)]
pub(crate) struct Abort(Arc<AtomicBool>);

impl Abort {
    pub(crate) fn is_set(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }
}

/// `signal.addEventListener(type, listener)`.
type AddEventListener<'env> =
    Function<'env, FnArgs<(&'env str, Function<'env, (), ()>)>, Unknown<'env>>;

/// Reads `{ signal }` from an options object: an `AbortSignal` (anything with
/// `aborted` and `addEventListener`), subscribed once.
pub(crate) fn abort_of(env: &Env, options: &Options<'_>) -> Result<Abort> {
    let abort = Abort::default();
    let Some(signal) = options.get(env, "signal")? else {
        return Ok(abort);
    };
    let obj = js::object(env, signal, "signal", "an AbortSignal")?;
    let aborted: Unknown<'_> = js::read(env, "signal", obj.get_named_property("aborted"))?;
    if js::boolean(env, aborted, "signal")
        .map_err(|_| js::type_error(env, "signal", "an AbortSignal"))?
    {
        abort.0.store(true, Ordering::SeqCst);
        return Ok(abort);
    }
    let add: Unknown<'_> = js::read(env, "signal", obj.get_named_property("addEventListener"))?;
    if js::type_of(env, &add, "signal")? != ValueType::Function {
        return Err(js::type_error(env, "signal", "an AbortSignal"));
    }
    let add: AddEventListener<'_> = js::read(
        env,
        "signal",
        napi::bindgen_prelude::FromNapiValue::from_unknown(add),
    )?;
    let flag = abort.0.clone();
    let listener = js::read(
        env,
        "signal",
        env.create_function_from_closure("onabort", move |_| {
            flag.store(true, Ordering::SeqCst);
            Ok(())
        }),
    )?;
    js::read(
        env,
        "signal",
        add.apply(obj, FnArgs::from(("abort", listener))),
    )?;
    Ok(abort)
}

/// `verifyPassword`'s result: `{ matched, needs_rehash }` (the contract record's shape).
#[napi(object, js_name = "Verification")]
#[derive(Debug, Clone, Copy)]
pub struct VerificationJs {
    /// Whether the password matched.
    pub matched: bool,
    /// Whether the stored hash should be replaced (bcrypt, or weaker argon2 parameters).
    #[napi(js_name = "needs_rehash")]
    pub needs_rehash: bool,
}

impl From<Verification> for VerificationJs {
    fn from(v: Verification) -> Self {
        VerificationJs {
            matched: v.matched,
            needs_rehash: v.needs_rehash,
        }
    }
}

type Outcome<T> = std::result::Result<T, sparrow_core::Error>;

/// The compute paths, shared by each Promise and its `…Sync` twin.
fn hash_work(p: &str) -> Outcome<String> {
    Ok(password::hash_password(p)?)
}

fn verify_work(p: &str, h: &str) -> Outcome<VerificationJs> {
    Ok(password::verify_password(p, h)?.into())
}

fn dummy_work(p: &str) -> Outcome<()> {
    password::dummy_verify(p);
    Ok(())
}

/// Refuses to start work whose signal has fired.
fn started(abort: &Abort) -> Outcome<()> {
    if abort.is_set() {
        return Err(ArgumentError::Aborted { field: "signal" }.into());
    }
    Ok(())
}

macro_rules! password_task {
    ($name:ident { $($field:ident),* }, $js:ty, |$t:ident| $work:expr) => {
        /// A password computation on the libuv pool.
        #[derive(Debug)]
        pub struct $name {
            $($field: String,)*
            abort: Abort,
        }

        impl Task for $name {
            type Output = Outcome<$js>;
            type JsValue = $js;

            fn compute(&mut self) -> napi::Result<Self::Output> {
                let $t = &*self;
                Ok(started(&$t.abort).and_then(|()| $work))
            }

            fn resolve(&mut self, env: Env, output: Self::Output) -> napi::Result<$js> {
                output.map_err(|e| js::sparrow(&env, e))
            }
        }
    };
}

password_task!(HashTask { password }, String, |t| hash_work(&t.password));
password_task!(VerifyTask { password, hash }, VerificationJs, |t| {
    verify_work(&t.password, &t.hash)
});
password_task!(DummyTask { password }, (), |t| dummy_work(&t.password));

fn signal_of(env: &Env, options: Option<Unknown<'_>>) -> Result<Abort> {
    let options = Options::new(env, options, &["signal"], "signal")?;
    abort_of(env, &options)
}

/// An argon2id PHC string (no policy applied), computed on the libuv pool.
#[napi(
    ts_args_type = "password: string | Uint8Array, options?: { signal?: AbortSignal }",
    ts_return_type = "Promise<string>"
)]
pub fn hash_password(
    env: Env,
    password: Unknown<'_>,
    options: Option<Unknown<'_>>,
) -> Result<AsyncTask<HashTask>> {
    let password = js::text_or_bytes(&env, password, "password")?;
    let abort = signal_of(&env, options)?;
    Ok(AsyncTask::new(HashTask { password, abort }))
}

/// `hashPassword` on the calling thread.
#[napi(ts_args_type = "password: string | Uint8Array")]
pub fn hash_password_sync(env: Env, password: Unknown<'_>) -> Result<String> {
    let password = js::text_or_bytes(&env, password, "password")?;
    hash_work(&password).or_throw(&env)
}

/// Whether the password matches an argon2 PHC or legacy bcrypt hash, and whether the
/// hash should be replaced; on the libuv pool.
#[napi(
    ts_args_type = "password: string | Uint8Array, hash: string, options?: { signal?: AbortSignal }",
    ts_return_type = "Promise<Verification>"
)]
pub fn verify_password(
    env: Env,
    password: Unknown<'_>,
    hash: Unknown<'_>,
    options: Option<Unknown<'_>>,
) -> Result<AsyncTask<VerifyTask>> {
    let password = js::text_or_bytes(&env, password, "password")?;
    let hash = js::text(&env, hash, "hash")?;
    let abort = signal_of(&env, options)?;
    Ok(AsyncTask::new(VerifyTask {
        password,
        hash,
        abort,
    }))
}

/// `verifyPassword` on the calling thread.
#[napi(ts_args_type = "password: string | Uint8Array, hash: string")]
pub fn verify_password_sync(
    env: Env,
    password: Unknown<'_>,
    hash: Unknown<'_>,
) -> Result<VerificationJs> {
    let password = js::text_or_bytes(&env, password, "password")?;
    let hash = js::text(&env, hash, "hash")?;
    verify_work(&password, &hash).or_throw(&env)
}

/// Spends the time of a real verification (for unknown accounts); on the libuv pool.
#[napi(
    ts_args_type = "password: string | Uint8Array, options?: { signal?: AbortSignal }",
    ts_return_type = "Promise<void>"
)]
pub fn dummy_verify(
    env: Env,
    password: Unknown<'_>,
    options: Option<Unknown<'_>>,
) -> Result<AsyncTask<DummyTask>> {
    let password = js::text_or_bytes(&env, password, "password")?;
    let abort = signal_of(&env, options)?;
    Ok(AsyncTask::new(DummyTask { password, abort }))
}

/// `dummyVerify` on the calling thread.
#[napi(ts_args_type = "password: string | Uint8Array")]
pub fn dummy_verify_sync(env: Env, password: Unknown<'_>) -> Result<()> {
    let password = js::text_or_bytes(&env, password, "password")?;
    dummy_work(&password).or_throw(&env)
}

/// Whether a stored hash should be replaced (weaker parameters, or bcrypt).
#[napi(ts_args_type = "hash: string")]
pub fn needs_rehash(env: Env, hash: Unknown<'_>) -> Result<bool> {
    password::needs_rehash(&js::text(&env, hash, "hash")?).or_throw(&env)
}

// ---------------------------------------------------------------- tokens

/// Signing keys: the current key, keys still accepted (by kid) and an optional legacy
/// key for kid-less tokens. Secrets are checked on entry and never shown.
#[napi]
pub struct Keyring {
    inner: jwt::Keyring,
}

impl std::fmt::Debug for Keyring {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Keyring(..)")
    }
}

#[napi]
impl Keyring {
    /// A keyring whose current key is `secret` under `kid`.
    #[napi(constructor, ts_args_type = "kid: string, secret: string | Uint8Array")]
    pub fn new(env: Env, kid: Unknown<'_>, secret: Unknown<'_>) -> Result<Self> {
        let kid = js::text(&env, kid, "kid")?;
        let secret = js::bytes(&env, secret, "secret")?;
        Ok(Keyring {
            inner: jwt::Keyring::new(&kid, &secret).or_throw(&env)?,
        })
    }

    /// A keyring holding only a legacy key (today's kid-less tokens).
    #[napi(factory, ts_args_type = "secret: string | Uint8Array")]
    pub fn legacy(env: Env, secret: Unknown<'_>) -> Result<Self> {
        let secret = js::bytes(&env, secret, "secret")?;
        Ok(Keyring {
            inner: jwt::Keyring::legacy(&secret).or_throw(&env)?,
        })
    }

    /// A new keyring that also accepts `secret` under `kid`.
    #[napi(ts_args_type = "kid: string, secret: string | Uint8Array")]
    pub fn with_key(&self, env: Env, kid: Unknown<'_>, secret: Unknown<'_>) -> Result<Keyring> {
        let kid = js::text(&env, kid, "kid")?;
        let secret = js::bytes(&env, secret, "secret")?;
        Ok(Keyring {
            inner: self.inner.clone().with_key(&kid, &secret).or_throw(&env)?,
        })
    }

    /// A new keyring that also accepts kid-less tokens signed with `secret`.
    #[napi(ts_args_type = "secret: string | Uint8Array")]
    pub fn with_legacy_key(&self, env: Env, secret: Unknown<'_>) -> Result<Keyring> {
        let secret = js::bytes(&env, secret, "secret")?;
        Ok(Keyring {
            inner: self.inner.clone().with_legacy_key(&secret).or_throw(&env)?,
        })
    }

    /// A new keyring that signs with `kid` (already held).
    #[napi(ts_args_type = "kid: string")]
    pub fn rotate_to(&self, env: Env, kid: Unknown<'_>) -> Result<Keyring> {
        let kid = js::text(&env, kid, "kid")?;
        Ok(Keyring {
            inner: self.inner.clone().rotate_to(&kid).or_throw(&env)?,
        })
    }

    /// A new keyring without `kid`.
    #[napi(ts_args_type = "kid: string")]
    pub fn retire(&self, env: Env, kid: Unknown<'_>) -> Result<Keyring> {
        let kid = js::text(&env, kid, "kid")?;
        Ok(Keyring {
            inner: self.inner.clone().retire(&kid).or_throw(&env)?,
        })
    }

    /// The kid new tokens are signed with (`null` for a legacy-only keyring).
    #[napi(getter)]
    pub fn current_kid(&self) -> Option<String> {
        self.inner.current_kid().map(str::to_owned)
    }

    /// `Keyring(current_kid="…")`, never a secret.
    #[napi(js_name = "toString")]
    pub fn to_text(&self) -> String {
        match self.inner.current_kid() {
            Some(kid) => format!("Keyring(current_kid={kid:?})"),
            None => "Keyring(legacy)".to_owned(),
        }
    }
}

const EXPIRES: &str = "a duration such as \"7d\" or whole seconds";

fn lifetime(env: &Env, v: Unknown<'_>, field: &'static str) -> Result<Lifetime> {
    match js::type_of(env, &v, field)? {
        ValueType::String => Ok(Lifetime::Text(js::text(env, v, field)?)),
        ValueType::Number => Ok(Lifetime::Seconds(
            js::integer(env, v, field).map_err(|_| js::type_error(env, field, EXPIRES))?,
        )),
        _ => Err(js::type_error(env, field, EXPIRES)),
    }
}

fn token_use(env: &Env, options: &Options<'_>) -> Result<Option<TokenUse>> {
    options
        .text(env, "tokenUse")?
        .map(|n| n.parse::<TokenUse>().or_throw(env))
        .transpose()
}

/// Signs a token for `claims` with the keyring's current key (HS256, a `kid` header).
#[napi(
    ts_args_type = "claims: TokenSubject, keyring: Keyring, options?: IssueOptions",
    ts_return_type = "string"
)]
pub fn issue_token(
    env: Env,
    claims: Unknown<'_>,
    keyring: Unknown<'_>,
    options: Option<Unknown<'_>>,
) -> Result<String> {
    let keyring = js::instance::<Keyring>(&env, keyring, "keyring", "a Keyring")?;
    let claims = js::json_arg(&env, claims, "claims", contract::MAX_INPUT_BYTES)?;
    let subject = contract::token_subject(&claims).or_throw(&env)?;
    let options = Options::new(
        &env,
        options,
        &[
            "expiresIn",
            "now",
            "issuer",
            "audience",
            "tokenUse",
            "notBefore",
        ],
        "expiresIn, now, issuer, audience, tokenUse, notBefore",
    )?;
    let lifetime = match options.get(&env, "expiresIn")? {
        None => Lifetime::Text(contract::DEFAULT_EXPIRES_IN.to_owned()),
        Some(v) => lifetime(&env, v, "expiresIn")?,
    };
    let now = js::now(&env, options.get(&env, "now")?, "now")?;
    let not_before = match options.get(&env, "notBefore")? {
        None => None,
        Some(v) => Some(js::now(&env, Some(v), "notBefore")?),
    };
    let issue = IssueOptions {
        issuer: options.text(&env, "issuer")?,
        audience: options.text(&env, "audience")?,
        token_use: token_use(&env, &options)?,
        not_before,
    };
    jwt::issue_token(&subject, &keyring.inner, &lifetime, now, &issue).or_throw(&env)
}

/// The claims of a valid token, or a `TokenError` saying why it was refused.
#[napi(
    ts_args_type = "token: string | Uint8Array, keyring: Keyring, options?: VerifyOptions",
    ts_return_type = "Claims"
)]
pub fn verify_token<'env>(
    env: &'env Env,
    token: Unknown<'_>,
    keyring: Unknown<'_>,
    options: Option<Unknown<'_>>,
) -> Result<Unknown<'env>> {
    let keyring = js::instance::<Keyring>(env, keyring, "keyring", "a Keyring")?;
    let token = js::text_or_bytes(env, token, "token")?;
    let options = Options::new(
        env,
        options,
        &["now", "tokenUse", "issuer", "audience", "leeway"],
        "now, tokenUse, issuer, audience, leeway",
    )?;
    let now = js::now(env, options.get(env, "now")?, "now")?;
    let verify = VerifyOptions {
        leeway_seconds: match options.get(env, "leeway")? {
            None => contract::DEFAULT_LEEWAY_SECONDS,
            Some(v) => js::integer(env, v, "leeway")?,
        },
        issuer: options.text(env, "issuer")?,
        audience: options.text(env, "audience")?,
        token_use: token_use(env, &options)?.unwrap_or(contract::DEFAULT_TOKEN_USE),
    };
    let claims = jwt::verify_token(&token, &keyring.inner, now, &verify).or_throw(env)?;
    js::to_js(env, &claims)
}

/// Whether a token with these claims should be refreshed (expires within `threshold`).
#[napi(
    ts_args_type = "claims: Claims, options?: { now?: Instant, threshold?: string | number }",
    ts_return_type = "boolean"
)]
pub fn should_refresh(env: Env, claims: Unknown<'_>, options: Option<Unknown<'_>>) -> Result<bool> {
    let value = js::json_arg(&env, claims, "claims", contract::MAX_INPUT_BYTES)?;
    let claims: jwt::Claims = serde_json::from_value(value).map_err(|_| {
        js::type_error(
            &env,
            "claims",
            "the claims verifyToken returned (sub, email, role, iat, exp, …)",
        )
    })?;
    let options = Options::new(&env, options, &["now", "threshold"], "now, threshold")?;
    let threshold = match options.get(&env, "threshold")? {
        None => contract::DEFAULT_REFRESH_THRESHOLD_SECONDS,
        Some(v) => lifetime(&env, v, "threshold")?.seconds().or_throw(&env)?,
    };
    let now = js::now(&env, options.get(&env, "now")?, "now")?;
    Ok(jwt::should_refresh(&claims, now, threshold))
}

/// Seconds of a duration in the `ms` notation (`"7d"`, `"15m"`).
#[napi(ts_args_type = "text: string")]
pub fn parse_duration(env: Env, text: Unknown<'_>) -> Result<i64> {
    jwt::parse_duration(&js::text(&env, text, "text")?).or_throw(&env)
}

/// The token of an `Authorization: Bearer …` header.
#[napi(ts_args_type = "authorization: string")]
pub fn bearer_token(env: Env, authorization: Unknown<'_>) -> Result<String> {
    let header = js::text(&env, authorization, "authorization")?;
    jwt::bearer_token(&header).map(str::to_owned).or_throw(&env)
}

/// Whether `role` may reach a route that requires `requiredRoles` (and, for staff,
/// `page` among `allowedPages`) — with no environment bypass.
#[napi(
    ts_args_type = "role: string, requiredRoles: RoleName[], options?: { page?: string, allowedPages?: string[] }",
    ts_return_type = "Decision"
)]
pub fn authorize<'env>(
    env: &'env Env,
    role: Unknown<'_>,
    required_roles: Unknown<'_>,
    options: Option<Unknown<'_>>,
) -> Result<Unknown<'env>> {
    let role = js::text(env, role, "role")?;
    let required = js::strings(env, required_roles, "requiredRoles")?;
    let options = Options::new(
        env,
        options,
        &["page", "allowedPages"],
        "page, allowedPages",
    )?;
    let page = options.text(env, "page")?;
    let allowed_pages = match options.get(env, "allowedPages")? {
        None => None,
        Some(v) => Some(js::strings(env, v, "allowedPages")?),
    };
    let d = contract::authorize_names(&role, &required, page.as_deref(), allowed_pages.as_deref())
        .or_throw(env)?;
    js::to_js(env, &d)
}

/// Every configuration problem of an environment (`process.env`): `{variable, code,
/// message}`, never a value.
#[napi(
    ts_args_type = "env: Record<string, string | undefined>, options?: { nodeEnv?: string }",
    ts_return_type = "EnvProblem[]"
)]
pub fn check_env<'env>(
    env: &'env Env,
    mapping: Unknown<'_>,
    options: Option<Unknown<'_>>,
) -> Result<Unknown<'env>> {
    let obj: Object<'_> = js::object(env, mapping, "env", "an object of strings (process.env)")?;
    let mut vars = BTreeMap::new();
    for key in js::keys(env, &obj, "env")? {
        if let Some(v) = js::own(env, &obj, &key, "env")? {
            vars.insert(key, js::text(env, v, "env")?);
        }
    }
    let options = Options::new(env, options, &["nodeEnv"], "nodeEnv")?;
    let node_env = options.text(env, "nodeEnv")?;
    let problems: Vec<EnvProblemRecord> =
        sparrow_core::config::check_env(&vars, node_env.as_deref())
            .iter()
            .map(EnvProblemRecord::from)
            .collect();
    js::to_js(env, &problems)
}
