//! The follow-up briefing as an `.ics` file: a snapshot, and the RFC 5545 line rules checked on it.

use deepbrief_export::{Attendee, CalendarEvent, ExportError, to_ics};

fn event() -> CalendarEvent {
    CalendarEvent {
        uid: "followup-0001-tyre-shop@deepbrief".into(),
        dtstamp: "2026-11-23T09:15:00Z".into(),
        summary: "Дополнительный брифинг: Колесо, выход в регионы".into(),
        intro: "Повестка дополнительного брифинга (бриф «Колесо», SEO; регионы).".into(),
        agenda: vec![
            "Почему покупателю из региона выгоднее заказать у вас, чем купить у местного продавца — цена, ассортимент, условия?".into(),
            "Сколько стоит и сколько идёт доставка в каждый целевой регион и кто её оплачивает?".into(),
            "Backslash \\ and semicolon; and comma, in one line".into(),
        ],
        meeting: crate::meeting(),
        organizer: Some(Attendee {
            name: "Анна Ковалёва".into(),
            role: None,
            email: Some("anna@agency.example".into()),
        }),
    }
}

#[test]
fn follow_up_briefing_as_ics() {
    let ics = to_ics(&event()).expect("renders");
    insta::assert_snapshot!(ics.replace("\r\n", "⏎\n"));
}

#[test]
fn every_line_ends_with_crlf_and_fits_75_octets() {
    let ics = to_ics(&event()).expect("renders");
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert!(!ics.replace("\r\n", "").contains('\n'), "a bare LF");
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
    // Unfolded, the description holds the escaped agenda in order.
    let unfolded = ics.replace("\r\n ", "");
    let description = unfolded
        .lines()
        .find(|l| l.starts_with("DESCRIPTION:"))
        .expect("description");
    assert!(
        description.contains("\\n1. Почему покупателю"),
        "{description}"
    );
    assert!(description.contains("Backslash \\\\ and semicolon\\; and comma\\, in one line"));
    assert!(
        description.ends_with("Олег Смирнов (логистика)"),
        "{description}"
    );
    assert!(unfolded.contains("DTSTART;TZID=Europe/Moscow:20261130T110000\r\n"));
    assert!(unfolded.contains("DTEND;TZID=Europe/Moscow:20261130T120000\r\n"));
    assert!(unfolded.contains("TZOFFSETTO:+0300\r\n"));
    assert_eq!(
        unfolded.matches("ATTENDEE;").count(),
        2,
        "only people with e-mail"
    );
}

#[test]
fn without_a_zone_times_are_utc() {
    let mut e = event();
    e.meeting.timezone = None;
    e.meeting.start = "2026-11-30T01:30".into();
    let ics = to_ics(&e).expect("renders");
    assert!(!ics.contains("VTIMEZONE"));
    assert!(ics.contains("DTSTART:20261129T223000Z\r\n"), "{ics}");
    assert!(ics.contains("DTEND:20261129T233000Z\r\n"), "{ics}");
}

#[test]
fn a_bad_start_names_the_field() {
    let mut e = event();
    e.meeting.start = "30.11.2026 11:00".into();
    let err = to_ics(&e).expect_err("bad date");
    assert!(
        matches!(
            err,
            ExportError::DateTime {
                field: "meeting.start",
                ..
            }
        ),
        "{err}"
    );
    assert!(err.to_string().contains("2026-11-30T11:00"));
}
