//! `intake user …`: adding, listing, disabling and resetting staff accounts, and reading a PIN.

use std::io::{self, BufRead, IsTerminal, Write};

use jiff::Timestamp;
use zeroize::Zeroizing;

use crate::auth::Actor;
use crate::auth::accounts::{self, NewAccount};
use crate::auth::pin::HashCost;
use crate::domain::staff::Role;
use crate::error::{Error, Result};
use crate::i18n::{Lang, Msg, fill};
use crate::store::{Store, users};

use super::{Format, UserCommand};

pub fn user_command(
    store: &mut Store,
    command: &UserCommand,
    lang: Lang,
    cost: HashCost,
) -> Result<()> {
    let now = Timestamp::now();
    let actor = Actor::CLI;
    match command {
        UserCommand::Add { username, name, role, agency, new_agency } => {
            let role = Role::parse(role)
                .ok_or_else(|| Error::user_with(Msg::ErrUnknownRole, &[role.as_str()]))?;
            let agency = match agency {
                Some(a) => a.trim().to_string(),
                None => only_agency(store)?,
            };
            // A name that matches no agency is a typo unless said otherwise (or there is no
            // agency yet: the first account makes the first).
            let none_yet = users::agencies(store.conn(), 0, 1)?.is_empty();
            if !*new_agency && !none_yet {
                super::agency::named(store, &agency, true)?;
            }
            let first = users::count_users(store.conn())? == 0;
            let (new_pin, again) = read_pin_twice(lang)?;
            let account = NewAccount {
                username,
                display_name: name,
                role,
                agency: &agency,
                pin: &new_pin,
                pin_again: &again,
                // Someone else will use this account: they choose their own PIN at first login.
                temporary: !first,
                lang,
            };
            accounts::add_user(store, actor, cost, &account, now)?;
            put!(
                "{}",
                fill(
                    Msg::CliUserAdded.text(lang),
                    &[&crate::domain::text::fold_username(username)]
                )
            );
        }
        UserCommand::List { format } => {
            accounts::session_event(store, actor, "user_list")?;
            list_users(store, *format, lang)?
        }
        UserCommand::Disable { username } | UserCommand::Enable { username } => {
            let disable = matches!(command, UserCommand::Disable { .. });
            let user = accounts::find_user(store, username)?;
            accounts::set_disabled(store, actor, user.id, disable, now)?;
            let msg = if disable { Msg::UserDisabled } else { Msg::UserEnabled };
            put!("{}", msg.text(lang));
        }
        UserCommand::Unlock { username } => {
            let user = accounts::find_user(store, username)?;
            accounts::unlock(store, actor, user.id)?;
            put!("{}", Msg::UserUnlocked.text(lang));
        }
        UserCommand::ResetPin { username } => {
            let user = accounts::find_user(store, username)?;
            let (new_pin, again) = read_pin_twice(lang)?;
            accounts::reset_pin(store, actor, cost, user.id, &new_pin, &again, now)?;
            put!("{}", Msg::PinReset.text(lang));
        }
    }
    Ok(())
}

/// With no --agency: the one agency there is, or a message asking for one.
fn only_agency(store: &Store) -> Result<String> {
    let agencies = users::agencies(store.conn(), 0, 2)?;
    match agencies.as_slice() {
        [one] => Ok(one.name.clone()),
        _ => Err(Error::user(Msg::ErrAgencyRequired)),
    }
}

#[derive(serde::Serialize)]
struct UserOut<'a> {
    username: &'a str,
    name: &'a str,
    role: Role,
    agency: &'a str,
    disabled: bool,
    locked: bool,
    temporary_pin: bool,
}

fn list_users(store: &Store, format: Format, lang: Lang) -> Result<()> {
    let mut out = io::stdout().lock();
    let mut offset = 0;
    let mut first = true;
    if matches!(format, Format::Table) {
        writeln!(
            out,
            "{:<16} {:<28} {:<18} {:<24} {}",
            Msg::FieldUsername.text(lang),
            Msg::FieldDisplayName.text(lang),
            Msg::FieldRole.text(lang),
            Msg::FieldAgency.text(lang),
            Msg::FieldStatus.text(lang)
        )?;
    } else {
        write!(out, "[")?;
    }
    // A page at a time, so a long list never sits in memory whole.
    loop {
        let rows = users::list(store.conn(), Timestamp::now(), offset, 200)?;
        if rows.is_empty() {
            break;
        }
        offset += rows.len() as i64;
        for r in &rows {
            let u = &r.user;
            match format {
                Format::Table => {
                    let status = if u.disabled {
                        Msg::StatusDisabled
                    } else if r.locked {
                        Msg::StatusLocked
                    } else if u.pin_temporary {
                        Msg::StatusTemporaryPin
                    } else {
                        Msg::StatusActive
                    };
                    writeln!(
                        out,
                        "{:<16} {:<28} {:<18} {:<24} {}",
                        u.username,
                        u.display_name,
                        u.role.label().text(lang),
                        u.agency_name,
                        status.text(lang)
                    )?;
                }
                Format::Json => {
                    let row = UserOut {
                        username: &u.username,
                        name: &u.display_name,
                        role: u.role,
                        agency: &u.agency_name,
                        disabled: u.disabled,
                        locked: r.locked,
                        temporary_pin: u.pin_temporary,
                    };
                    let json = serde_json::to_string(&row).map_err(|e| Error::Io(e.into()))?;
                    write!(out, "{}{json}", if first { "" } else { "," })?;
                    first = false;
                }
            }
        }
    }
    if matches!(format, Format::Json) {
        writeln!(out, "]")?;
    }
    Ok(())
}

/// The PIN twice from a terminal (no echo), or once from a line of standard input.
fn read_pin_twice(lang: Lang) -> Result<(Zeroizing<String>, Zeroizing<String>)> {
    if io::stdin().is_terminal() {
        let first = read_pin_tty(Msg::PromptPin.text(lang))?;
        let again = read_pin_tty(Msg::PromptPinAgain.text(lang))?;
        Ok((first, again))
    } else {
        let mut line = Zeroizing::new(String::new());
        io::stdin().lock().read_line(&mut line)?;
        let pin = Zeroizing::new(line.trim_end_matches(['\r', '\n']).to_string());
        Ok((pin.clone(), pin))
    }
}

fn read_pin_tty(prompt: &str) -> Result<Zeroizing<String>> {
    use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
    use ratatui::crossterm::terminal;
    eprint!("{prompt}: ");
    io::stderr().flush()?;
    terminal::enable_raw_mode()?;
    let mut pin = Zeroizing::new(String::new());
    let result = loop {
        match event::read() {
            Ok(Event::Key(k)) if k.kind != KeyEventKind::Release => match k.code {
                KeyCode::Enter => break Ok(()),
                KeyCode::Char('c') if k.modifiers.contains(KeyModifiers::CONTROL) => {
                    break Err(Error::user(Msg::ErrCancelled));
                }
                KeyCode::Char(c) => pin.push(c),
                KeyCode::Backspace => {
                    pin.pop();
                }
                _ => {}
            },
            Ok(_) => {}
            Err(e) => break Err(e.into()),
        }
    };
    let _ = terminal::disable_raw_mode();
    eprintln!();
    result.map(|_| pin)
}
