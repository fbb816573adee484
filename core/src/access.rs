//! Authorisation by role and page (domain.md §3). There is deliberately no input for
//! the environment: the old `NODE_ENV=development` bypass cannot be expressed.

use std::fmt;

/// The roles in use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// `user`
    User,
    /// `investor`
    Investor,
    /// `advisor`
    Advisor,
    /// `fa_staff` — page-restricted by the token's `allowedPages`.
    FaStaff,
    /// `admin`
    Admin,
    /// `super_admin` — not implied by `admin` nor implying it; listed where meant.
    SuperAdmin,
}

impl Role {
    /// Every role.
    pub const ALL: [Role; 6] = [
        Role::User,
        Role::Investor,
        Role::Advisor,
        Role::FaStaff,
        Role::Admin,
        Role::SuperAdmin,
    ];

    /// The role's name as tokens carry it.
    pub const fn as_str(self) -> &'static str {
        match self {
            Role::User => "user",
            Role::Investor => "investor",
            Role::Advisor => "advisor",
            Role::FaStaff => "fa_staff",
            Role::Admin => "admin",
            Role::SuperAdmin => "super_admin",
        }
    }

    /// The role named exactly `name` (case matters, as in the tokens), if any.
    pub fn parse(name: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == name)
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why [`authorize`] decided as it did.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    serde::Serialize,
    strum::IntoStaticStr,
    strum::VariantNames,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Reason {
    /// Allowed: the route requires no role (any authenticated user).
    #[strum(serialize = "no_roles_required")]
    NoRolesRequired,
    /// Allowed: the user's role is listed.
    #[strum(serialize = "role_allowed")]
    RoleAllowed,
    /// Denied: the user's role is not listed.
    #[strum(serialize = "role_not_allowed")]
    RoleNotAllowed,
    /// Denied: the token's role is not one of the known roles.
    #[strum(serialize = "unknown_role")]
    UnknownRole,
    /// Allowed: a `fa_staff` user whose `allowedPages` lists the page.
    #[strum(serialize = "page_allowed")]
    PageAllowed,
    /// Denied: a `fa_staff` user whose `allowedPages` does not list the page (or is absent).
    #[strum(serialize = "page_not_allowed")]
    PageNotAllowed,
}

impl Reason {
    /// Every reason code.
    pub const CODES: &'static [&'static str] = <Self as strum::VariantNames>::VARIANTS;

    /// The stable reason code.
    pub fn code(self) -> &'static str {
        self.into()
    }
}

/// The outcome of [`authorize`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub struct Decision {
    /// Whether the request may proceed.
    pub allowed: bool,
    /// Why.
    pub reason: Reason,
}

/// Decides whether a user with `role` may reach a route that requires one of
/// `required_roles` and is tagged with `page` (if any).
///
/// 1. An unknown role is denied (`unknown_role`), whatever the route.
/// 2. If roles are required, the user's role must be listed (`role_not_allowed`);
///    `super_admin` is not implied by anything, nor implies anything.
/// 3. A `fa_staff` user on a page-tagged route needs that exact page in
///    `allowed_pages` (`page_not_allowed` otherwise); other roles are not page-restricted.
///
/// ```
/// use sparrow_core::access::{authorize, Reason, Role};
/// let admin_only = [Role::Admin, Role::SuperAdmin];
/// assert_eq!(authorize("advisor", &admin_only, None, None).reason, Reason::RoleNotAllowed);
/// let pages = vec!["clients".to_string()];
/// assert!(authorize("fa_staff", &[], Some("clients"), Some(&pages)).allowed);
/// assert!(!authorize("fa_staff", &[], Some("reports"), Some(&pages)).allowed);
/// ```
pub fn authorize(
    role: &str,
    required_roles: &[Role],
    page: Option<&str>,
    allowed_pages: Option<&[String]>,
) -> Decision {
    let deny = |reason| Decision {
        allowed: false,
        reason,
    };
    let Some(role) = Role::parse(role) else {
        return deny(Reason::UnknownRole);
    };
    if !required_roles.is_empty() && !required_roles.contains(&role) {
        return deny(Reason::RoleNotAllowed);
    }
    if let (Role::FaStaff, Some(page)) = (role, page) {
        let listed = allowed_pages.is_some_and(|pages| pages.iter().any(|p| p == page));
        return if listed {
            Decision {
                allowed: true,
                reason: Reason::PageAllowed,
            }
        } else {
            deny(Reason::PageNotAllowed)
        };
    }
    Decision {
        allowed: true,
        reason: if required_roles.is_empty() {
            Reason::NoRolesRequired
        } else {
            Reason::RoleAllowed
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decisions() {
        let pages = ["clients".to_string(), "transactions".to_string()];
        let admin = [Role::Admin, Role::SuperAdmin];
        for (role, required, page, allowed_pages, want) in [
            ("user", &[][..], None, None, (true, Reason::NoRolesRequired)),
            ("admin", &admin[..], None, None, (true, Reason::RoleAllowed)),
            (
                "super_admin",
                &[Role::Admin][..],
                None,
                None,
                (false, Reason::RoleNotAllowed),
            ),
            (
                "admin",
                &[Role::SuperAdmin][..],
                None,
                None,
                (false, Reason::RoleNotAllowed),
            ),
            ("root", &[][..], None, None, (false, Reason::UnknownRole)),
            (
                "Admin",
                &admin[..],
                None,
                None,
                (false, Reason::UnknownRole),
            ),
            ("", &[][..], None, None, (false, Reason::UnknownRole)),
            (
                "fa_staff",
                &[][..],
                Some("clients"),
                Some(&pages[..]),
                (true, Reason::PageAllowed),
            ),
            (
                "fa_staff",
                &[][..],
                Some("reports"),
                Some(&pages[..]),
                (false, Reason::PageNotAllowed),
            ),
            (
                "fa_staff",
                &[][..],
                Some("Clients"),
                Some(&pages[..]),
                (false, Reason::PageNotAllowed),
            ),
            (
                "fa_staff",
                &[][..],
                Some("clients"),
                None,
                (false, Reason::PageNotAllowed),
            ),
            (
                "fa_staff",
                &[][..],
                None,
                None,
                (true, Reason::NoRolesRequired),
            ),
            (
                "fa_staff",
                &[Role::Advisor][..],
                Some("clients"),
                Some(&pages[..]),
                (false, Reason::RoleNotAllowed),
            ),
            (
                "advisor",
                &[][..],
                Some("reports"),
                None,
                (true, Reason::NoRolesRequired),
            ),
        ] {
            let d = authorize(role, required, page, allowed_pages);
            assert_eq!((d.allowed, d.reason), want, "{role} {required:?} {page:?}");
        }
    }
}
