//! Checks a `.env` file for production: `cargo run --example preflight -- path/to/.env`.
//!
//! The file is checked as `production` unless `--env NAME` says otherwise. Prints every
//! problem (variable, code, rule — never a value) and exits 1 when there is any, 2 when
//! the file cannot be read.

use std::process::ExitCode;

use sparrow_core::config::{check_env, read_env_file};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut path = None;
    let mut node_env = String::from("production");
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--env" => match args.next() {
                Some(name) => node_env = name,
                None => return usage(),
            },
            _ if path.is_none() => path = Some(arg),
            _ => return usage(),
        }
    }
    let Some(path) = path else {
        return usage();
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("preflight: cannot read {path}: {e}");
            return ExitCode::from(2);
        }
    };
    let file = match read_env_file(&text) {
        Ok(file) => file,
        Err(e) => {
            eprintln!("preflight: {path}: {e} [{}]", e.code());
            return ExitCode::from(2);
        }
    };
    let vars = file.vars;
    let problems = check_env(&vars, Some(&node_env));
    if !file.problems.is_empty() {
        println!(
            "preflight: {path}: {} line(s) the backend and the ML service would read differently, or a reader could misread:",
            file.problems.len()
        );
        for p in &file.problems {
            println!("  {:<24} {p}", p.code());
        }
    }
    if problems.is_empty() && file.problems.is_empty() {
        println!(
            "preflight: {path} is fit for {node_env} ({} variables checked)",
            vars.len()
        );
        return ExitCode::SUCCESS;
    }
    println!(
        "preflight: {path} is NOT fit for {node_env}: {} problem(s)",
        problems.len() + file.problems.len()
    );
    for p in &problems {
        println!("  {:<20} {:<24} {}", p.variable, p.code, p.message);
    }
    ExitCode::from(1)
}

fn usage() -> ExitCode {
    eprintln!(
        "usage: cargo run --example preflight -- path/to/.env [--env production|development]"
    );
    ExitCode::from(2)
}
