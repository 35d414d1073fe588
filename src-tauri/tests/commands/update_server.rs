//! An update server on loopback for the update tests: serves fixed answers by path and
//! counts the requests, and signs packages as the release workflow does (minisign keys,
//! base64 as `tauri signer` writes them, the version in the trusted comment).

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use base64::Engine as _;

/// What the server answers on a path.
#[derive(Clone)]
pub enum Reply {
    /// `200 OK` with this body.
    Body(Vec<u8>),
    /// Promises `promised` bytes, sends `sent`, then closes: a download cut short.
    Cut { promised: usize, sent: Vec<u8> },
}

pub struct UpdateServer {
    pub url: String,
    requests: Arc<AtomicUsize>,
}

impl UpdateServer {
    /// Serves `routes` (path, reply) until the test process ends; other paths are 404.
    pub fn start(routes: Vec<(&str, Reply)>) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let routes: Arc<HashMap<String, Reply>> = Arc::new(
            routes
                .into_iter()
                .map(|(path, reply)| (path.to_owned(), reply))
                .collect(),
        );
        let requests = Arc::new(AtomicUsize::new(0));
        let counted = requests.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                counted.fetch_add(1, Ordering::SeqCst);
                let routes = routes.clone();
                std::thread::spawn(move || answer(stream, &routes));
            }
        });
        Self { url, requests }
    }

    pub fn url_of(&self, path: &str) -> tauri::Url {
        format!("{}{path}", self.url).parse().unwrap()
    }

    pub fn requests(&self) -> usize {
        self.requests.load(Ordering::SeqCst)
    }
}

fn answer(mut stream: TcpStream, routes: &HashMap<String, Reply>) {
    let mut request = Vec::new();
    let mut byte = [0_u8; 1];
    while !request.ends_with(b"\r\n\r\n") {
        match stream.read(&mut byte) {
            Ok(1) => request.push(byte[0]),
            _ => return,
        }
    }
    let head = String::from_utf8_lossy(&request);
    let path = head.split_whitespace().nth(1).unwrap_or("/");
    let (status, length, body) = match routes.get(path) {
        Some(Reply::Body(body)) => ("200 OK", body.len(), body.clone()),
        Some(Reply::Cut { promised, sent }) => ("200 OK", *promised, sent.clone()),
        None => ("404 Not Found", 0, Vec::new()),
    };
    let head =
        format!("HTTP/1.1 {status}\r\nContent-Length: {length}\r\nConnection: close\r\n\r\n");
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
}

/// A key pair as `tauri signer generate` makes one.
pub struct Signer {
    pk: minisign::PublicKey,
    sk: minisign::SecretKey,
}

impl Signer {
    pub fn new() -> Self {
        let minisign::KeyPair { pk, sk } =
            minisign::KeyPair::generate_unencrypted_keypair().unwrap();
        Self { pk, sk }
    }

    /// The public key as `tauri.conf.json` holds it.
    pub fn public_key(&self) -> String {
        base64(&self.pk.to_box().unwrap().to_string())
    }

    /// The signature of `bytes` for `version`, as the manifest holds it.
    pub fn sign(&self, bytes: &[u8], version: &str) -> String {
        let comment = format!("timestamp:1764547200\tfile:aitems-desk.AppImage\tversion:{version}");
        let signature =
            minisign::sign(Some(&self.pk), &self.sk, bytes, Some(&comment), None).unwrap();
        base64(&signature.to_string())
    }
}

fn base64(text: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(text)
}

/// An update manifest (`latest.json`) offering `version` for this system.
pub fn manifest(version: &str, signature: Option<&str>, package_url: &str) -> Vec<u8> {
    let target = tauri_plugin_updater::target().expect("a desktop system the updater knows");
    let mut platform = serde_json::json!({ "url": package_url });
    if let Some(signature) = signature {
        platform["signature"] = signature.into();
    }
    serde_json::to_vec(&serde_json::json!({
        "version": version,
        "notes": "Faster listings.",
        "pub_date": "2026-12-01T09:00:00Z",
        "platforms": { target: platform },
    }))
    .unwrap()
}
