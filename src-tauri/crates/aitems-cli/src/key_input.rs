//! Reading API keys for `aitems profile add`: from the terminal without echo, or two
//! lines from standard input. Keys are never taken as command-line arguments.

use std::io::{BufRead, IsTerminal};

use aitems::Credentials;
use zeroize::Zeroizing;

use crate::failure::Failure;

/// Reads the access key and the secret key: two lines from standard input when
/// `from_stdin`, else asked on the terminal without echo. Refuses to wait on a pipe
/// when `--stdin` was not given.
pub fn read_keys(from_stdin: bool) -> Result<Credentials, Failure> {
    if from_stdin {
        return read_lines(&mut std::io::stdin().lock());
    }
    if !std::io::stdin().is_terminal() {
        return Err(Failure::new(
            "invalid_input",
            "Standard input is not a terminal, so the keys cannot be asked for.",
            "Use --stdin to read keys from a pipe: the access key on the first line, the \
             secret key on the second.",
        ));
    }
    let access = prompt("Access key: ")?;
    let secret = prompt("Secret key: ")?;
    Ok(Credentials::new(access.as_str(), secret.as_str()))
}

/// Reads two lines, the access key then the secret key.
pub fn read_lines(input: &mut impl BufRead) -> Result<Credentials, Failure> {
    let access = line(input, "access key")?;
    let secret = line(input, "secret key")?;
    Ok(Credentials::new(access.as_str(), secret.as_str()))
}

/// One line without its line ending; a failure when the input ended first.
fn line(input: &mut impl BufRead, what: &str) -> Result<Zeroizing<String>, Failure> {
    let mut text = Zeroizing::new(String::new());
    let read = input.read_line(&mut text).map_err(|e| {
        Failure::new(
            "invalid_input",
            format!("Could not read the {what} from standard input: {e}."),
            "Give two lines of UTF-8 text: the access key, then the secret key.",
        )
    })?;
    if read == 0 {
        return Err(Failure::new(
            "invalid_input",
            format!("Standard input ended before the {what}."),
            "Give two lines: the access key, then the secret key.",
        ));
    }
    let kept = text.trim_end_matches(['\r', '\n']).len();
    text.truncate(kept);
    Ok(text)
}

/// Asks on the terminal without echo.
fn prompt(label: &str) -> Result<Zeroizing<String>, Failure> {
    rpassword::prompt_password(label)
        .map(Zeroizing::new)
        .map_err(|e| {
            Failure::new(
                "invalid_input",
                format!("Could not read the keys from the terminal: {e}."),
                "Run it in a terminal, or use --stdin to read the keys from a pipe.",
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_lines_are_the_access_key_then_the_secret_key() {
        let keys = read_lines(&mut "AKID1234\r\n s3cr3t \nextra\n".as_bytes()).unwrap();
        assert_eq!(keys.access_key, "AKID1234");
        assert_eq!(keys.secret_key.expose(), "s3cr3t");
        let keys = read_lines(&mut "AK\nSK".as_bytes()).unwrap();
        assert_eq!(keys.secret_key.expose(), "SK");
    }

    #[test]
    fn short_input_is_refused() {
        for input in ["", "AKID only\n"] {
            let failure = read_lines(&mut input.as_bytes()).unwrap_err();
            assert_eq!(failure.code, "invalid_input");
            assert!(failure.message.contains("ended before"), "{failure:?}");
        }
    }
}
