//! The server on a real socket: port 0, a request over HTTP, graceful shutdown.

mod common;

use attest_server::{serve, AppState, Options};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

#[tokio::test]
async fn serves_http_on_a_free_port_and_shuts_down_gracefully() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("attest.db");
    {
        let mut store = attest_store::SqliteStore::open(&db).unwrap();
        common::seed(&mut store);
    }
    let state = AppState::open(&db, Options::default()).unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(serve(state, listener, async {
        let _ = stopped.await;
    }));

    let mut conn = tokio::net::TcpStream::connect(addr).await.unwrap();
    conn.write_all(
        b"GET /api/v1/incidents?country=SY HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
    )
    .await
    .unwrap();
    let mut response = String::new();
    conn.read_to_string(&mut response).await.unwrap();
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    assert!(response.contains("SY-2016-04-27-001"));

    stop.send(()).unwrap();
    let finished = tokio::time::timeout(std::time::Duration::from_secs(10), server)
        .await
        .expect("the server stops after the shutdown signal");
    finished.unwrap().unwrap();
    assert!(tokio::net::TcpStream::connect(addr).await.is_err());
}
