//! The text of account e-mails. Subjects are fixed strings plus values we
//! generated or validated, never raw user input, so no header can be injected.

use crate::ssr::outbox::OutgoingMail;

pub fn invitation(
    recipient: &str,
    company_name: &str,
    inviter_name: &str,
    link: &str,
    token_id: i32,
) -> OutgoingMail {
    OutgoingMail {
        dedupe_key: format!("invitation:{token_id}"),
        kind: "invitation",
        recipient: recipient.to_string(),
        subject: "Your invitation to the Trade Portal".to_string(),
        body_text: format!(
            "Hello,\n\n{inviter_name} has invited you to the Trade Portal as a member of {company_name}.\n\n\
             Set your password here (the link works once, for 72 hours):\n{link}\n\n\
             If you did not expect this invitation, you can ignore this e-mail.\n"
        ),
        body_html: None,
    }
}

pub fn password_reset(recipient: &str, link: &str, token_id: i32) -> OutgoingMail {
    OutgoingMail {
        dedupe_key: format!("password_reset:{token_id}"),
        kind: "password_reset",
        recipient: recipient.to_string(),
        subject: "Reset your Trade Portal password".to_string(),
        body_text: format!(
            "Hello,\n\nSomeone asked to reset the password of your Trade Portal account.\n\n\
             Choose a new password here (the link works once, for 30 minutes):\n{link}\n\n\
             If this was not you, ignore this e-mail; your password stays as it is.\n"
        ),
        body_html: None,
    }
}
