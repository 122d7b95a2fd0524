//! A real SMTP server on 127.0.0.1 for tests: speaks enough of the protocol
//! for a client to deliver (EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT), keeps
//! what it receives, and can be told to refuse with a 4xx or 5xx reply.

use std::sync::{Arc, Mutex};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReceivedMail {
    pub from: String,
    pub to: Vec<String>,
    /// Headers and body as sent (dot-stuffing undone).
    pub data: String,
}

impl ReceivedMail {
    pub fn header(&self, name: &str) -> Option<String> {
        let head = self.data.split("\r\n\r\n").next()?;
        head.lines()
            .find(|l| {
                l.len() > name.len()
                    && l[..name.len()].eq_ignore_ascii_case(name)
                    && l[name.len()..].starts_with(':')
            })
            .map(|l| l[name.len() + 1..].trim().to_string())
    }
}

/// How the sink answers `MAIL FROM`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Accept,
    /// Refuse every message with this code (e.g. 451 or 550).
    Refuse(u16),
    /// Take the whole message, then never answer (a server hanging while
    /// the client waits for the final reply).
    Hang,
}

#[derive(Clone)]
pub struct SmtpSink {
    pub port: u16,
    received: Arc<Mutex<Vec<ReceivedMail>>>,
    /// Messages taken in `Hang` mode, never acknowledged.
    hung: Arc<Mutex<Vec<ReceivedMail>>>,
    answer: Arc<Mutex<Answer>>,
}

impl SmtpSink {
    pub async fn start() -> SmtpSink {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind smtp sink");
        let port = listener.local_addr().unwrap().port();
        let sink = SmtpSink {
            port,
            received: Default::default(),
            hung: Default::default(),
            answer: Arc::new(Mutex::new(Answer::Accept)),
        };
        let serving = sink.clone();
        tokio::spawn(async move {
            while let Ok((socket, _)) = listener.accept().await {
                let session = serving.clone();
                tokio::spawn(async move {
                    let _ = session.serve(socket).await;
                });
            }
        });
        sink
    }

    pub fn answer(&self, answer: Answer) {
        *self.answer.lock().unwrap() = answer;
    }

    pub fn hung(&self) -> Vec<ReceivedMail> {
        self.hung.lock().unwrap().clone()
    }

    pub fn received(&self) -> Vec<ReceivedMail> {
        self.received.lock().unwrap().clone()
    }

    pub async fn wait_for(&self, count: usize, seconds: u64) -> Vec<ReceivedMail> {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(seconds);
        while std::time::Instant::now() < deadline {
            let got = self.received();
            if got.len() >= count {
                return got;
            }
            tokio::time::sleep(std::time::Duration::from_millis(25)).await;
        }
        panic!(
            "expected {count} mails at the SMTP sink, got {:?}",
            self.received()
        );
    }

    async fn serve(&self, socket: tokio::net::TcpStream) -> std::io::Result<()> {
        let (read, mut write) = socket.into_split();
        let mut lines = BufReader::new(read);
        write.write_all(b"220 sink.test ESMTP\r\n").await?;
        let mut from = String::new();
        let mut to = Vec::new();
        let mut line = String::new();
        loop {
            line.clear();
            if lines.read_line(&mut line).await? == 0 {
                return Ok(());
            }
            let command = line.trim_end().to_string();
            let verb = command
                .split([' ', ':'])
                .next()
                .unwrap_or("")
                .to_ascii_uppercase();
            let reply: String = match verb.as_str() {
                "EHLO" => "250-sink.test\r\n250-8BITMIME\r\n250 SMTPUTF8".into(),
                "HELO" => "250 sink.test".into(),
                "MAIL" => {
                    let answer = *self.answer.lock().unwrap();
                    match answer {
                        Answer::Accept => {
                            from = command
                                .split_once(':')
                                .map(|x| x.1)
                                .unwrap_or("")
                                .trim()
                                .to_string();
                            to.clear();
                            "250 OK".into()
                        }
                        Answer::Refuse(code) => format!("{code} not now"),
                        Answer::Hang => {
                            from = command
                                .split_once(':')
                                .map(|x| x.1)
                                .unwrap_or("")
                                .trim()
                                .to_string();
                            to.clear();
                            "250 OK".into()
                        }
                    }
                }
                "RCPT" => {
                    to.push(
                        command
                            .split_once(':')
                            .map(|x| x.1)
                            .unwrap_or("")
                            .trim()
                            .to_string(),
                    );
                    "250 OK".into()
                }
                "DATA" => {
                    write.write_all(b"354 go ahead\r\n").await?;
                    let mut data = String::new();
                    loop {
                        line.clear();
                        if lines.read_line(&mut line).await? == 0 {
                            return Ok(());
                        }
                        if line == ".\r\n" {
                            break;
                        }
                        data.push_str(
                            line.strip_prefix('.')
                                .filter(|_| line.starts_with(".."))
                                .unwrap_or(&line),
                        );
                    }
                    let mail = ReceivedMail {
                        from: from.clone(),
                        to: to.clone(),
                        data,
                    };
                    if *self.answer.lock().unwrap() == Answer::Hang {
                        self.hung.lock().unwrap().push(mail);
                        // Hold the connection without a word until the client goes.
                        let mut rest = String::new();
                        while lines.read_line(&mut rest).await? > 0 {
                            rest.clear();
                        }
                        return Ok(());
                    }
                    self.received.lock().unwrap().push(mail);
                    "250 OK queued".into()
                }
                "RSET" | "NOOP" => "250 OK".into(),
                "QUIT" => {
                    write.write_all(b"221 bye\r\n").await?;
                    return Ok(());
                }
                _ => "502 not implemented".into(),
            };
            write.write_all(format!("{reply}\r\n").as_bytes()).await?;
        }
    }
}
