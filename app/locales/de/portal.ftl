# Die Texte des Portals auf Deutsch. Die Schlüssel sind dieselben wie in
# en/portal.ftl; ein Unit-Test prüft, dass die Dateien dieselben Schlüssel haben.

language-name = Deutsch

## Navigation
nav-my-orders = Meine Aufträge
nav-my-purchase-orders = Meine Bestellungen
nav-sales-desk = Vertrieb
nav-orders = Aufträge
nav-production = Produktion
nav-people = Benutzer
nav-inquiries = Anfragen
nav-quotations = Angebote
nav-approvals = Freigaben
nav-account = Konto
nav-sign-out = Abmelden

## Lieferantenbereich
supplier-title = Meine Bestellungen
supplier-intro = Die Bestellpositionen, die Ihrer Fabrik zugeordnet sind. Melden Sie den Fortschritt, sobald er eintritt – das dauert nur Sekunden.
supplier-search = Bestellung oder Produkt suchen
supplier-show = Anzeigen
supplier-show-open = Offene Positionen
supplier-show-late = Verspätete Positionen
supplier-show-stale = Warten auf eine Rückmeldung
supplier-show-done = Versandbereit und versandt
supplier-none = Keine passenden Positionen.
supplier-loading = Positionen werden geladen…
supplier-line = Position { $line }
supplier-quantity = Menge
supplier-done = Fertig
supplier-milestone = Meilenstein
supplier-ready-by = Fertig bis
supplier-forecast = Prognose
supplier-update = Aktualisieren
supplier-more = Weitere Positionen zeigen
supplier-late = Verspätet
supplier-stale = Seit { $days } Tagen keine Rückmeldung
supplier-factory = Fabrik
supplier-bulk-title = Mehrere Positionen einer Bestellung auf einmal
supplier-bulk-hint = Markieren Sie Positionen einer Bestellung, wählen Sie den erreichten Meilenstein und übernehmen Sie ihn.
supplier-bulk-apply = Auf markierte Positionen anwenden
supplier-bulk-done = { $count ->
    [one] Eine Position aktualisiert.
   *[other] { $count } Positionen aktualisiert.
}
supplier-back = ← Alle meine Positionen
supplier-post-title = Fortschritt melden
supplier-quantity-done = Fertige Menge
supplier-lot = In dieser Partie fertig (Teillieferung)
supplier-new-forecast = Voraussichtlicher Fertigstellungstermin
supplier-reason = Begründung (erforderlich, wenn sich der Termin nach hinten verschiebt, ein Meilenstein zurückgesetzt wird oder die Menge sinkt)
supplier-note = Notiz für das Handelshaus (für den Kunden nicht sichtbar)
supplier-post = Meldung senden
supplier-posted = Meldung gesendet.
supplier-history = Verlauf
supplier-history-empty = Noch keine Meldungen.
supplier-history-older = Ältere Meldungen
supplier-history-newest = Neueste Meldungen
supplier-history-older-page = Frühere Meldungen, die neuesten zuerst.
supplier-committed = Zugesagter Fertigstellungstermin
supplier-closed = Diese Position ist abgeschlossen.

## Meilensteine
milestone-not_started = Nicht begonnen
milestone-materials_in = Material eingegangen
milestone-in_production = In Produktion
milestone-qc_passed = QC bestanden
milestone-packed = Verpackt
milestone-ready_to_ship = Versandbereit
milestone-shipped = Versandt

## Regeln für Fortschrittsmeldungen
progress-closed = Diese Position ist abgeschlossen (versandt oder storniert) und nimmt keine Meldungen mehr an.
progress-more-than-ordered = Bestellt wurden nur { $ordered }; die fertige Menge kann nicht höher sein.
progress-negative = Die fertige Menge kann nicht negativ sein.
progress-quantity-backwards = Die fertige Menge war { $was }; bitte begründen Sie, warum sie sinkt.
progress-milestone-backwards = Die Position stand bei „{ $was }“; bitte begründen Sie den Schritt zurück.
progress-forecast-past = Der voraussichtliche Fertigstellungstermin kann nicht in der Vergangenheit liegen.
progress-later-needs-reason = Die Prognose verschiebt sich auf später als { $was }; bitte geben Sie eine Begründung an.
progress-shipped-incomplete = Nur eine vollständig fertige Position kann versandt werden ({ $done } von { $ordered } fertig).
progress-bad-lot = Eine Partie muss größer als null und höchstens so groß wie die fertige Menge sein.
progress-reason-too-long = Die Begründung darf höchstens 500 Zeichen lang sein.
progress-note-too-long = Die Notiz darf höchstens 2000 Zeichen lang sein.
progress-bad-number = Geben Sie eine ganze Zahl ein, z. B. 1200.
progress-unknown-milestone = Wählen Sie einen Meilenstein aus der Liste.
progress-stale = Jemand hat diese Position inzwischen geändert. Laden Sie die Seite neu, um die Änderung zu sehen, und versuchen Sie es dann erneut.
progress-one-po = Wählen Sie Positionen einer einzigen Bestellung.
progress-no-lines = Markieren Sie mindestens eine Position.
progress-too-many-lines = Melden Sie höchstens { $count } Positionen auf einmal.
search-too-long = Der Suchbegriff darf höchstens 100 Zeichen lang sein.
progress-line-problem = Position { $line }: { $problem }

## Datums- und Zeitraumangaben in Formularen
date-unreadable = Geben Sie ein Datum wie 2027-03-31 ein, zwischen 2000 und 2100.
date-past = Das Datum kann nicht in der Vergangenheit liegen.
kpi-period-reversed = Der Zeitraum beginnt nach seinem Ende.
kpi-period-too-long = Wählen Sie einen Zeitraum von höchstens zehn Jahren.

## Neue Passwörter: Ablehnungen und der Stärkehinweis unter dem Feld
password-common = Dieses Passwort steht auf einer Liste häufiger und geleakter Passwörter, mit denen das Raten beginnt. Wählen Sie ein anderes: Ein kurzer, eigener Satz eignet sich gut.
password-personal = Verwenden Sie weder Ihren Namen noch Ihre E-Mail-Adresse im Passwort.
password-repetitive = Vermeiden Sie Folgen und Wiederholungen wie aaaa, 1234, qwertz oder abcabc.
password-strength-weak = Schwach: leicht zu erraten. Ein längerer eigener Satz würde helfen.
password-strength-fair = Mittel: Ein paar Wörter mehr würden es stark machen.
password-strength-strong = Stark: schwer zu erraten.

## Begrenzungen: zu schnelle Änderungen, zu viele Live-Seiten, langsame Antwort
rate-limited = { $minutes ->
    [one] Sie senden Änderungen schneller, als das Portal sie annimmt. Bitte warten Sie eine Minute und versuchen Sie es erneut.
   *[other] Sie senden Änderungen schneller, als das Portal sie annimmt. Bitte warten Sie { $minutes } Minuten und versuchen Sie es erneut.
}
live-too-many-streams = Sie haben zu viele Portalseiten mit Live-Aktualisierung geöffnet. Schließen Sie einige und laden Sie diese Seite dann neu.
request-timed-out = Das Portal hat zu lange für die Antwort gebraucht. Bitte versuchen Sie es erneut.

## E-Mail
digest-subject = { $count ->
    [one] Ihre tägliche Zusammenfassung: eine Meldung
   *[other] Ihre tägliche Zusammenfassung: { $count } Meldungen
}
digest-intro = Guten Tag { $name }, hier ist, was seit Ihrer letzten Zusammenfassung geschehen ist.

## Änderungsanfragen
change-ack-title = Zu bestätigende Änderungen
change-ack-intro = Der Auftrag des Kunden hat sich geändert. Bitte bestätigen Sie jede Änderung und geben Sie für die Position eine neue Prognose an, falls sich Ihre Termine verschieben.
change-ack-line = { $po }, Position { $line } ({ $product })
change-ack-quantity = Menge: { $from } → { $to }
change-ack-description = Spezifikation: { $from } → { $to }
change-ack-ready = Fertig bis: { $from } → { $to }
change-ack-cancelled = Diese Position ist storniert; stellen Sie die Arbeit daran ein.
change-ack-button = Bestätigen
change-ack-done = Bestätigt
change-decision-open = eingegangen
change-decision-approved = genehmigt
change-decision-rejected = abgelehnt
change-decision-countered = mit einem Gegenvorschlag beantwortet
change-decision-accepted = gemäß dem von Ihnen angenommenen Gegenvorschlag geändert
change-decision-declined = geschlossen (Gegenvorschlag abgelehnt)
change-decision-withdrawn = zurückgezogen
change-factory-made = Position { $line }: Die Fabrik hat bereits { $done } gefertigt; die Menge kann nicht darunter sinken.
change-production-too-far = Position { $line }: Die Produktion ist für diese Menge zu weit fortgeschritten; das Handelshaus meldet sich bei Ihnen.
change-changed-since = Der Auftrag hat sich seit dieser Änderungsanfrage geändert, daher kann sie nicht unverändert übernommen werden: { $problem }
change-counter-does-not-fit = Der Gegenvorschlag lässt sich auf den Auftrag nicht anwenden: { $problem }
change-moved-meanwhile = Der Auftrag hat sich soeben geändert. Laden Sie die Seite neu, um die Änderung zu sehen, und versuchen Sie es dann erneut.

## Lieferantenbewertung
scorecard-title = Meine Bewertung (letzte 90 Tage)
scorecard-on-time = Pünktlich fertig
scorecard-days-late = Durchschnittliche Verspätung in Tagen
scorecard-fresh = Offene Positionen mit aktueller Meldung
scorecard-acknowledgement = Zeit bis zur Bestätigung einer Änderung
scorecard-definition = Pünktlich: Positionen, die erstmals bis zum zugesagten Fertigstellungstermin als fertig gemeldet wurden. Aktuelle Meldung: innerhalb des Erinnerungszeitraums. Es zählen nur Ihre eigenen Positionen.

## Anfragen und Angebote
quote-status-draft = Entwurf
quote-status-in_approval = In Freigabe
quote-status-approved = Freigegeben
quote-status-sent = Versandt
quote-status-accepted = Angenommen
quote-status-declined = Abgelehnt
quote-status-expired = Abgelaufen
quote-status-withdrawn = Zurückgezogen
quote-status-superseded = Durch eine neuere Revision ersetzt
inquiry-status-open = Wartet auf ein Angebot
inquiry-status-quoted = Angeboten
inquiry-status-closed = Geschlossen
staff-level-sales = Vertrieb
staff-level-sales_manager = Vertriebsleitung
staff-level-cost_accountant = Kalkulation
staff-level-commercial_director = Kaufmännische Leitung
balance-before_shipment = Vor Verschiffung
balance-against_bl_copy = Gegen Kopie des Konnossements
balance-lc_at_sight = Sichtakkreditiv
balance-lc_usance = Nachsichtakkreditiv (Usance)
quote-ref = { $number } · Revision { $revision }
quote-loading = Wird geladen…
inquiries-title = Anfragen und Angebote
inquiries-intro = Fordern Sie beim Handelshaus ein Angebot an. Das Angebot erscheint hier, sobald es Ihnen zugesandt wurde.
inquiries-none = Noch keine Anfragen.
inquiry-col-number = Anfrage
inquiry-col-customer = Kunde
inquiry-col-date = Angefragt
inquiry-col-status = Status
inquiry-col-destination = Bestimmungsort
inquiry-col-lines = Produkte
inquiry-col-quotation = Angebot
new-inquiry-title = Neue Anfrage
new-inquiry-intro = Nennen Sie die benötigten Produkte; nicht benötigte Zeilen lassen Sie leer.
new-inquiry-destination = Bestimmungshafen oder -ort
new-inquiry-incoterm = Incoterm
new-inquiry-currency = Währung
new-inquiry-requested = Gewünschter Liefertermin
new-inquiry-products = Produkte
new-inquiry-line = Produkt { $line }
new-inquiry-note = Notiz für das Handelshaus
new-inquiry-send = Anfrage senden
new-inquiry-sent = Anfrage gesendet. Das Handelshaus erstellt ein Angebot.
line-product-code = Artikelnummer
line-description = Beschreibung / Spezifikation
line-quantity = Menge
line-unit = Einheit
line-target-price = Zielpreis
line-hs-code = Zolltarifnummer (HS)
line-requested = Wunschtermin
line-factory = Fabrik
line-purchase-price = Einkaufspreis
line-lead-time = Lieferzeit (Tage)
line-selling-price = Verkaufspreis
quote-page-title = Angebot
quote-back-inquiries = ← Anfragen und Angebote
quote-back-staff = ← Anfragen und Angebote
quote-not-found = Angebot nicht gefunden
quote-title = Angebot { $number }
quote-revision = Revision { $revision }
quote-valid-until = Gültig bis
quote-incoterm = Lieferbedingung
quote-latest-shipment = Späteste Verschiffung
quote-terms = Konditionen
quote-lines = Positionen
quote-line = Position { $line }
quote-line-new = Neue Position (optional)
quote-col-number = Angebot
quote-col-revision = Revision
quote-col-customer = Kunde
quote-col-status = Status
quote-col-product = Produkt
quote-col-quantity = Menge
quote-col-requested = Wunschtermin
quote-col-unit-price = Stückpreis
quote-col-total = Gesamt
quote-col-margin = Marge
quote-col-waiting = Wartet auf
quote-your-turn = Sie sind an der Reihe
quote-total = Gesamt:
quote-note = Notiz:
quote-answer-hint = Mit der Annahme wird dieses Angebot zu einem verbindlichen Auftrag zu diesen Konditionen.
quote-accept = Angebot annehmen
quote-decline = Ablehnen
quote-accepted = Sie haben dieses Angebot angenommen; es ist jetzt ein Auftrag.
quote-declined = Sie haben dieses Angebot abgelehnt.
quote-open-order = Auftrag öffnen
quote-inquiry = Anfrage
quote-open-inquiry = Anfrage öffnen
quote-order = Auftrag
quote-form-title = Konditionen und Positionen
quote-save = Entwurf speichern
quote-saved = Gespeichert.
quote-submit = Zur Freigabe einreichen
quote-submit-hint = Speichern Sie Ihre Änderungen vor dem Einreichen: Die Freigebenden sehen das Angebot im gespeicherten Stand.
quote-send = An den Kunden senden
quote-revise = Neue Revision erstellen
quote-withdraw = Zurückziehen
revisions-title = Revisionen
staff-inquiries-title = Anfragen und Angebote
staff-inquiries-heading = Anfragen
staff-quotations-heading = Angebote
quotations-none = Noch keine Angebote.
inquiry-page-title = Anfrage
inquiry-back = ← Anfragen und Angebote
inquiry-not-found = Anfrage nicht gefunden
inquiry-title = Anfrage { $number }
inquiry-asked-by = Angefragt von
inquiry-note = Notiz des Kunden:
inquiry-prepare = Angebot erstellen
inquiry-quotations = Angebote zu dieser Anfrage
terms-currency = Währung
terms-valid-until = Gültig bis
terms-incoterm = Incoterm
terms-port = Hafen
terms-latest-shipment = Späteste Verschiffung
terms-deposit = Anzahlung (%)
terms-balance-due = Restzahlung fällig
terms-usance-days = Zahlungsziel (Tage, nur bei Nachsichtakkreditiv)
terms-penalty = Vertragsstrafe bei Lieferverzug pro Tag (%)
terms-note = Notiz für den Kunden
credit-title = Bonität des Kunden
credit-score = Score
credit-set-by-house = (vom Handelshaus festgelegt)
credit-computed = Aus dem Zahlungsverhalten
credit-threshold = Schwellenwert
credit-required-deposit = Erforderliche Anzahlung
credit-reasons = Begründung
figures-title = Kennzahlen
figures-revenue = Umsatz
figures-cost = Kosten
figures-margin = Marge
figures-margin-percent = Marge %
approvals-title = Freigaben
approvals-none = Die Freigaben werden festgelegt, wenn das Angebot eingereicht wird.
approval-col-level = Stufe
approval-col-reason = Begründung
approval-col-due = Fällig
approval-col-decided = Entschieden von
approval-col-result = Ergebnis
approval-col-comment = Kommentar
approval-approved = Freigegeben
approval-rejected = Abgelehnt
approval-pending = Ausstehend
approval-comment = Kommentar (zum Ablehnen erforderlich: sagen Sie, was zu ändern ist)
approval-approve = Freigeben
approval-reject = Ablehnen
approvals-inbox-title = Wartet auf meine Freigabe
approvals-inbox-intro = Angebote, bei denen der nächste Freigabeschritt bei Ihnen liegt.
approvals-inbox-none = Nichts wartet auf Ihre Freigabe.

confirmation-title = Auftragsbestätigung
confirmation-none = Dieser Auftrag wurde direkt erfasst und nicht aus einem angenommenen Angebot erstellt; daher gibt es keine Bestätigung vereinbarter Konditionen.
confirmation-print = Drucken
confirmation-customer = Kunde
confirmation-quotation = Angenommenes Angebot
confirmation-accepted = Angenommen am
confirmation-ship-to = Lieferanschrift
confirmation-latest-shipment = Späteste Verschiffung
confirmation-col-line = Position
confirmation-col-product = Produkt
confirmation-col-quantity = Menge
confirmation-col-price = Stückpreis
confirmation-col-committed = Liefertermin
confirmation-terms = Vereinbarte Konditionen
confirmation-schedule = Zahlungsplan
confirmation-col-instalment = Rate
confirmation-col-amount = Betrag
confirmation-col-due = Fällig
confirmation-kind-deposit = Anzahlung
confirmation-kind-balance = Restzahlung
confirmation-due-bl_issued = { $days ->
    [0] Am Datum des Konnossements
    [one] { $days } Tag nach dem Datum des Konnossements
   *[other] { $days } Tage nach dem Datum des Konnossements
}
confirmation-due-documents_presented = { $days ->
    [0] Bei Vorlage der Dokumente unter dem Akkreditiv
    [one] { $days } Tag nach Vorlage der Dokumente
   *[other] { $days } Tage nach Vorlage der Dokumente
}

## Zolltarifnummern (HS)
hs-code-empty = Geben Sie die Zolltarifnummer (HS) ein, z. B. 6109.10.
hs-code-too-long = Eine Zolltarifnummer hat höchstens { $max } Zeichen, z. B. 6109.10.00.90.
hs-code-bad-character = Eine Zolltarifnummer besteht nur aus Ziffern, mit Punkten oder Leerzeichen zwischen den Gruppen, z. B. 6109.10.00.
hs-code-too-short = Eine Zolltarifnummer hat mindestens 6 Ziffern; diese hat { $digits }.
hs-code-odd-length = Eine Zolltarifnummer hat 6, 8 oder 10 Ziffern; diese hat { $digits }.
hs-code-too-many-digits = Eine Zolltarifnummer hat höchstens 10 Ziffern; diese hat { $digits }.
hs-code-bad-grouping = Setzen Sie Punkte oder Leerzeichen nur zwischen die Gruppen einer Zolltarifnummer, z. B. 6109.10.00.90.
hs-code-unknown-chapter = Es gibt kein HS-Kapitel { $chapter }; die Kapitel reichen von 01 bis 97.
hs-code-reserved-chapter = HS-Kapitel 77 ist reserviert; darin sind keine Waren eingereiht.

## Versanddokumente
document-proforma_invoice = Proformarechnung
document-commercial_invoice = Handelsrechnung
document-packing_list = Packliste
document-bill_of_lading = Konnossement
document-certificate_of_origin = Ursprungszeugnis
document-inspection_certificate = Inspektionszertifikat
document-insurance_certificate = Versicherungszertifikat
document-state-required = Zu beschaffen
document-state-received = Erhalten
document-state-sent = Versandt
document-state-already-sent = Dieses Dokument wurde versandt; sein Status kann sich nicht mehr ändern.
document-state-not-received = { $document } kommt von außerhalb des Handelshauses: Erfassen Sie es als erhalten, bevor Sie es versenden.
document-state-not-forward = Ein Dokument bewegt sich nur vorwärts; es kann nicht von „{ $from }“ zu „{ $to }“ wechseln.

## Prüfungen vor der Verzollung
check-bad-hs-code = Position { $line }: Die Zolltarifnummer „{ $code }“ ist ungültig. { $problem }
check-nothing-shipped = Die Sendung enthält noch nichts.
check-not-on-order = Position { $line } wird versandt, steht aber nicht im Auftrag.
check-bad-quantity = Position { $line }: Die versandte Menge muss größer als null sein, nicht { $quantity }.
check-ships-more-than-ordered = Position { $line }: { $shipping } werden versandt, aber nur noch { $left } sind zu versenden.
check-invoice-missing = Die Handelsrechnung fehlt.
check-packing-list-missing = Die Packliste fehlt.
check-line-missing-from = { $document }: Position { $line } wird versandt, ist aber nicht aufgeführt.
check-line-not-shipped = { $document }: Position { $line } ist aufgeführt, wird aber nicht versandt.
check-qty-differs = { $document }, Position { $line }: Die Menge beträgt { $document_qty }, versandt werden aber { $shipment_qty }.
check-description-differs = { $document }, Position { $line }: Die Beschreibung „{ $document_text }“ weicht von der des Auftrags („{ $order_text }“) ab.
check-hs-code-differs = { $document }, Position { $line }: Die Zolltarifnummer „{ $document_code }“ weicht von der des Auftrags ({ $order_code }) ab.
check-amount-missing = Handelsrechnung, Position { $line }: Der Betrag fehlt.
check-amount-differs = Handelsrechnung, Position { $line }: Der Betrag ist { $amount }, aber die Menge zum Auftragspreis ergibt { $expected }.
check-total-missing = Die Handelsrechnung nennt keine Gesamtsumme.
check-total-differs = Die Gesamtsumme der Handelsrechnung beträgt { $total }, ihre Positionen ergeben aber { $sum }.

## Zoll und Seereise
customs-status-not_declared = Nicht angemeldet
customs-status-declared = Angemeldet
customs-status-inspected = Beschaut
customs-status-released = Freigegeben
customs-status-held = Zurückgehalten
customs-already-released = Der Zoll hat die Ware freigegeben; der Zollstatus kann sich nicht mehr ändern.
customs-not-allowed = Der Zollstatus kann nicht von „{ $from }“ zu „{ $to }“ wechseln.
shipment-stage-planned = Geplant
shipment-stage-departed = Abgefahren
shipment-stage-arrived = Angekommen
voyage-out-of-range = Geben Sie ein Datum zwischen 2000-01-01 und 2100-12-31 ein.
voyage-eta-before-departure = Die ETA liegt vor der Abfahrt am { $date }.
voyage-ata-before-atd = Die Ankunft liegt vor der Abfahrt am { $date }.
voyage-ata-without-atd = Erfassen Sie die Abfahrt (ATD) vor der Ankunft.
voyage-atd-in-future = Die tatsächliche Abfahrt kann nicht in der Zukunft liegen.
voyage-ata-in-future = Die tatsächliche Ankunft kann nicht in der Zukunft liegen.
shipment-qty-not-positive = Die versandte Menge muss größer als null sein.
shipment-qty-nothing-left = Andere Sendungen enthalten bereits die gesamte Menge dieser Position.
shipment-qty-more-than-left = Von dieser Position sind nur noch { $left } zu versenden.

## Zahlungen
payment-status-scheduled = Termin folgt
payment-status-due = Fällig
payment-status-due-soon = Bald fällig
payment-status-overdue = { $days ->
    [one] Einen Tag überfällig
   *[other] { $days } Tage überfällig
}
payment-status-part-paid = Teilweise bezahlt
payment-status-paid = Bezahlt
payment-allocation-not-positive = Der erhaltene Betrag muss größer als null sein.
payment-allocation-unknown-instalment = Wählen Sie eine Rate dieses Auftrags.
payment-allocation-more-than-owed = Das ist mehr als die noch offenen { $amount }.

## Akkreditive
lc-empty = Füllen Sie dieses Feld aus.
lc-too-long = Verwenden Sie höchstens { $max } Zeichen.
lc-bad-characters = Schreiben Sie dies in eine Zeile, ohne Steuerzeichen.
lc-unknown-currency = Wählen Sie eine der Währungen des Portals.
lc-bad-amount = Geben Sie den Betrag wie 12500.00 ein.
lc-amount-not-positive = Der Betrag muss größer als null sein.
lc-bad-tolerance = Geben Sie die Toleranz als Prozentsatz von 0 bis 10 ein, z. B. 5.
lc-bad-date = Geben Sie ein Datum wie 2027-03-31 ein, zwischen 2000 und 2100.
lc-shipment-after-expiry = Das späteste Verschiffungsdatum kann nicht nach dem Verfalldatum liegen.
lc-bad-presentation-days = Geben Sie die Vorlagefrist in ganzen Tagen von 1 bis 90 ein.
lc-risk-clear = Rechtzeitig für das späteste Verschiffungsdatum
lc-risk-at-risk = { $days ->
    [0] Gefährdet: kein Tag Puffer bis zum spätesten Verschiffungsdatum
    [one] Gefährdet: ein Tag Puffer bis zum spätesten Verschiffungsdatum
   *[other] Gefährdet: { $days } Tage Puffer bis zum spätesten Verschiffungsdatum
}
lc-risk-will-miss = { $days ->
    [one] Wird das späteste Verschiffungsdatum um einen Tag verfehlen
   *[other] Wird das späteste Verschiffungsdatum um { $days } Tage verfehlen
}
lc-risk-expired = Das Akkreditiv ist abgelaufen
lc-currency-differs = Die Rechnung lautet auf { $invoice }, das Akkreditiv aber auf { $credit }.
lc-amount-above-tolerance = Die Rechnung lautet über { $amount }, mehr als die { $max }, die das Akkreditiv zulässt.
lc-shipped-late = Die Ware wurde am { $date } verschifft, nach dem spätesten Verschiffungsdatum ({ $latest }).
lc-partial-not-allowed = Das Akkreditiv lässt keine Teilverladungen zu.
lc-transhipment-not-allowed = Das Akkreditiv lässt keine Umladung zu.
lc-description-differs = Die Rechnung enthält nicht die Warenbeschreibung des Akkreditivs.
lc-presented-late = Der letzte Tag für die Vorlage der Dokumente war der { $date }.
lc-expired = Das Akkreditiv ist am { $date } abgelaufen.

## Dateien
upload-empty = Die Datei ist leer.
upload-too-large = Die Datei ist zu groß; die Obergrenze ist { $size }.
upload-too-many = Dieser Datensatz hat bereits { $max } Dateien; mehr sind nicht möglich.
upload-type-not-accepted = Dieser Dateityp wird nicht angenommen. Laden Sie ein PDF, ein Bild (PNG, JPEG, WebP, GIF), eine Excel- oder Word-Datei oder reinen Text bzw. CSV hoch.

## Versand, Dokumente und Zahlung (der Bereich auf der Auftragsseite)
shipping-title = Versand, Dokumente und Zahlung
shipping-loading = Sendungen werden geladen…
shipping-nothing-yet = Zu diesem Auftrag wurde noch nichts versandt, berechnet oder bezahlt.
shipping-upload-failed = Die Datei konnte nicht hochgeladen werden. Bitte versuchen Sie es erneut.
shipping-shipments = Sendungen
shipping-no-shipments = Noch keine Sendung geplant.
shipping-shipment-heading = Sendung { $number }
shipping-booking = Buchungsnr.
shipping-carrier = Reederei
shipping-vessel = Schiff / Reise
shipping-bl = B/L-Nr.
shipping-pol = Verladehafen
shipping-pod = Löschhafen
shipping-etd = ETD (geplante Abfahrt)
shipping-atd = ATD (abgefahren)
shipping-eta = ETA (erwartete Ankunft)
shipping-ata = ATA (angekommen)
shipping-containers = Container
shipping-no-containers = Noch keine Container erfasst.
shipping-seal = Plombe
shipping-containers-hint = Ein Container pro Zeile: seine Nummer, dann die Plombennummer und die Größe, z. B. MSCU1234565 SL778812 40HC.
shipping-col-line = Position
shipping-col-product = Produkt
shipping-col-description = Beschreibung
shipping-col-quantity = Menge
shipping-col-cartons = Kartons
shipping-col-net = Netto kg
shipping-col-gross = Brutto kg
shipping-col-volume = m³
shipping-checks = Prüfungen vor der Verzollung
shipping-checks-ok = Rechnung, Packliste und Auftrag stimmen überein: bereit für die Verzollung.
shipping-override-was = Trotz der Prüfergebnisse versandt. Begründung: { $problem }
shipping-override = Warum die Sendung trotz der bei der Prüfung gefundenen Probleme abgehen darf
shipping-depart = Als abgefahren markieren
shipping-atd-label = Abgefahren am (ATD)
shipping-arrive = Als angekommen markieren
shipping-ata-label = Angekommen am (ATA)
shipping-customs-move = Zollstatus
shipping-customs-date = Datum
shipping-customs-save = Zollstatus aktualisieren
shipping-customs-to-declared = Angemeldet
shipping-customs-to-inspected = Beschaut
shipping-customs-to-released = Freigegeben
shipping-customs-to-held = Zurückgehalten
shipping-edit = Diese Sendung ändern
shipping-save = Sendung speichern
shipping-plan = Sendung planen
shipping-plan-submit = Sendung planen
shipping-plan-lines-hint = Die Mengen beginnen mit der noch zu versendenden Menge; setzen Sie 0 für Positionen, die nicht mit dieser Sendung gehen.
shipping-left = { $done } von { $ordered } bereits auf Sendungen
shipping-documents = Dokumente
shipping-order-documents = Dokumente und Dateien des Auftrags
shipping-order-files = Dateien des Auftrags
shipping-shipment-files = Dateien dieser Sendung
shipping-col-document = Dokument
shipping-col-state = Status
shipping-col-number = Nummer
shipping-col-file = Datei
shipping-col-date = Aktualisiert
shipping-doc-ready = Fertig
shipping-doc-pending = In Vorbereitung
shipping-make = Erstellen
shipping-make-again = Neu erstellen
shipping-mark-sent = Als an den Kunden gesendet markieren
shipping-by = von { $name }
shipping-schedule = Zahlungsplan
shipping-schedule-none = Dieser Auftrag hat keinen Zahlungsplan; Zahlungen werden auf die Auftragssumme angerechnet.
shipping-col-instalment = Rate
shipping-col-amount = Betrag
shipping-col-due = Fällig
shipping-col-paid = Bezahlt
shipping-col-status = Status
shipping-overdue-days = { $days ->
    [one] 1 Tag überfällig
   *[other] { $days } Tage überfällig
}
shipping-record-payment = Zahlung erfassen
shipping-received-on = Eingegangen am
shipping-amount = Betrag
shipping-reference = Bankreferenz
shipping-instalment = Für Rate
shipping-match-auto = Automatisch zuordnen
shipping-pay-submit = Zahlung erfassen
shipping-lc = Akkreditiv
shipping-lc-none = Für diesen Auftrag ist kein Akkreditiv erfasst.
shipping-lc-number = Akkreditiv-Nr.
shipping-lc-bank = Eröffnende Bank
shipping-lc-amount = Betrag
shipping-lc-tolerance = Toleranz
shipping-lc-tolerance-percent = Toleranz (± %)
shipping-lc-expiry = Verfällt am
shipping-lc-latest-shipment = Späteste Verschiffung
shipping-lc-presentation = Vorlagefrist
shipping-lc-presentation-days = { $days ->
    [one] 1 Tag nach Verschiffung
   *[other] { $days } Tage nach Verschiffung
}
shipping-lc-presentation-label = Vorlagefrist (Tage nach Verschiffung)
shipping-lc-partial = Teilverladungen
shipping-lc-transhipment = Umladung
shipping-lc-partial-allowed = Teilverladungen erlaubt
shipping-lc-transhipment-allowed = Umladung erlaubt
shipping-allowed = Erlaubt
shipping-not-allowed = Nicht erlaubt
shipping-lc-goods = Warenbeschreibung
shipping-lc-days-to-port = Tage von der Fabrik bis zum Hafen
shipping-days = { $days ->
    [one] 1 Tag
   *[other] { $days } Tage
}
shipping-lc-presented = Dokumente vorgelegt am
shipping-lc-not-presented = Noch nicht vorgelegt
shipping-lc-discrepancies = Unstimmigkeiten
shipping-lc-no-discrepancies = Die Dokumente stimmen mit dem Akkreditiv überein.
shipping-lc-edit = Akkreditiv erfassen oder korrigieren
shipping-lc-save = Akkreditiv speichern
shipping-lc-present = Vorlage erfassen

## Dateien zu Aufträgen, Sendungen und Bestellpositionen
attach-none = Noch keine Dateien.
attach-choose = Datei
attach-document = Erhaltenes Dokument anhängen
attach-upload = Hochladen
attach-share = Mit dem Kunden teilen
attach-unshare = Nicht mehr teilen
attach-shared = Mit dem Kunden geteilt
attach-shared-factory = Mit der Fabrik geteilt
qc-files-title = QC-Fotos und -Berichte
qc-files-hint = Fügen Sie Fotos oder Prüfberichte zu dieser Position hinzu (Bilder oder PDF).

## Antworten auf Uploads, die die Seite aus ihrer Adresse liest
files-too-large = Die Datei ist größer als 10 MB; mehr ist pro Upload nicht möglich.
files-too-many = Dieser Datensatz enthält bereits 20 Dateien; mehr sind nicht möglich.
files-empty = Wählen Sie eine Datei zum Hochladen.
files-bad-form = Der Upload konnte nicht gelesen werden. Versuchen Sie es erneut.
files-only-order-files-shared = Nur Dateien eines Auftrags oder einer Sendung können mit dem Kunden geteilt werden.

## Sendungen, Dokumente, Zahlungen: Antworten des Servers
instalment-deposit = Anzahlung
instalment-balance = Restzahlung
instalment-deposit-in-text = Anzahlung
instalment-balance-in-text = Restzahlung
due-event-bl-issued = bei Ausstellung des Konnossements
due-event-documents-presented = bei Vorlage der Dokumente bei der Bank
payment-reminder-due-soon = Bitte veranlassen Sie die Zahlung rechtzeitig.
payment-reminder-overdue = Die Zahlung ist überfällig; bitte begleichen Sie sie so bald wie möglich.
customs-status-unknown = Wählen Sie einen Zollstatus.
customs-date-future = Das Zolldatum kann nicht in der Zukunft liegen.
shipping-already-departed = Diese Sendung ist bereits abgefahren.
shipping-not-departed = Diese Sendung ist noch nicht abgefahren.
shipping-already-arrived = Diese Sendung ist bereits angekommen.
shipping-override-needed = Die Dokumente stimmen nicht überein. Korrigieren Sie sie oder begründen Sie, warum die Sendung trotzdem abgeht.
shipping-text-too-long = Dieser Text ist zu lang.
shipping-etd-required = Geben Sie das geplante Abfahrtsdatum ein.
shipping-container-line = Ein Container pro Zeile: seine Nummer, dann die Plombennummer und die Größe.
shipping-line-unknown = Diese Position steht nicht im Auftrag.
shipping-quantity-number = Geben Sie die Menge als ganze Zahl ein.
shipping-gross-below-net = Das Bruttogewicht kann nicht unter dem Nettogewicht liegen.
shipping-packing-numbers = Geben Sie Kartons als ganze Zahl, Gewichte in kg und das Volumen in m³ ein.
shipping-no-lines = Nehmen Sie mindestens eine Position in die Sendung auf.
documents-not-generated = Das Portal erstellt dieses Dokument nicht; hängen Sie die erhaltene Datei an.
documents-wrong-record = Eine Proformarechnung gehört zum Auftrag, Rechnungen und Packlisten zu einer Sendung.
documents-state-unknown = Wählen Sie, was mit dem Dokument geschehen ist.
documents-send-needs-file = Hängen Sie das Dokument an, bevor Sie es versenden.
lc-bad-days-to-port = Geben Sie die Tage von der Fabrik bis zum Hafen als ganze Zahl bis 120 ein.
lc-presented-future = Das Vorlagedatum kann nicht in der Zukunft liegen.

## Reklamationen: Gegenstand, Bearbeitung, das Reklamationsformular
complaint-category-quality = Qualität
complaint-category-short_quantity = Fehlmenge
complaint-category-damage = Beschädigung
complaint-category-late_delivery = Lieferverzug
complaint-category-wrong_documents = Fehlerhafte Dokumente
complaint-category-other = Sonstiges
complaint-remedy-replacement = Ersatzlieferung
complaint-remedy-credit_note = Gutschrift
complaint-remedy-discount = Preisnachlass
complaint-remedy-rework = Nacharbeit
complaint-cause-material = Material
complaint-cause-workmanship = Verarbeitung
complaint-cause-design = Konstruktion / Design
complaint-cause-packaging = Verpackung
complaint-cause-transport = Transport
complaint-cause-documentation = Dokumentation
complaint-cause-factory_supplier = Zulieferer der Fabrik
complaint-cause-other = Sonstiges
complaint-status-open = Offen
complaint-status-acknowledged = Bestätigt
complaint-status-investigating = In Prüfung
complaint-status-remedy_proposed = Abhilfe vorgeschlagen
complaint-status-accepted = Abhilfe angenommen
complaint-status-closed = Geschlossen
complaint-side-house = Handelshaus
complaint-side-customer = Kunde
complaint-side-factory = Fabrik
complaint-step-acknowledge = Bestätigen
complaint-step-start_investigation = Prüfung beginnen
complaint-step-propose_remedy = Abhilfe vorschlagen
complaint-step-accept = Abhilfe annehmen
complaint-step-decline = Abhilfe ablehnen
complaint-step-close = Reklamation schließen
complaint-step-reopen = Reklamation wieder öffnen
complaint-step-pass_to_factory = An die Fabrik weitergeben
complaint-step-factory_answer = Antwort der Fabrik senden
complaint-error-not-your-step = Dieser Schritt steht Ihnen nicht zu.
complaint-error-not-now = Dieser Schritt ist nicht möglich, solange die Reklamation den Status „{ $status }“ hat.
complaint-error-not-with-factory = Die Reklamation wurde nicht an die Fabrik weitergegeben.
complaint-error-already-with-factory = Die Reklamation liegt bereits bei der Fabrik und wartet auf deren Antwort.
complaint-field-unknown-category = Wählen Sie, worum es bei der Reklamation geht.
complaint-field-unknown-remedy = Wählen Sie die gewünschte Abhilfe.
complaint-field-required = Füllen Sie dieses Feld aus.
complaint-field-too-short = Beschreiben Sie das Problem mit mindestens { $min } Zeichen.
complaint-field-too-long = Verwenden Sie höchstens { $max } Zeichen.
complaint-field-bad-characters = Schreiben Sie dies in eine Zeile, ohne Steuerzeichen.
complaint-field-quantity-not-whole = Geben Sie die betroffene Menge als ganze Zahl ein, z. B. 12.
complaint-field-quantity-below-one = Mindestens ein Stück muss betroffen sein.
complaint-field-quantity-above-shipped = Das ist mehr als die versandten { $quantity }.
complaint-field-amount-required = Geben Sie den geforderten Betrag ein.
complaint-field-amount-not-money = Geben Sie den Betrag wie 120.50 ein.
complaint-field-amount-not-positive = Der Betrag muss größer als null sein.
complaint-field-amount-above-limit = Der Betrag darf höchstens { $amount } betragen.
complaint-field-amount-not-for-remedy = Lassen Sie den Betrag leer: Nur eine Gutschrift oder ein Preisnachlass hat einen Betrag.

## Reklamationen: Arbeitszeiten und die Fristen für die Antworten des Handelshauses
weekday-mon = Montag
weekday-tue = Dienstag
weekday-wed = Mittwoch
weekday-thu = Donnerstag
weekday-fri = Freitag
weekday-sat = Samstag
weekday-sun = Sonntag
working-hours-bad-offset = Geben Sie die Zeitzone als Abweichung von UTC ein, z. B. +08:00.
working-hours-bad-time = Geben Sie eine Uhrzeit wie 09:00 ein.
working-hours-end-not-after-start = Der Arbeitstag muss nach seinem Beginn enden.
working-hours-no-days = Wählen Sie mindestens einen Arbeitstag.
working-hours-unknown-day = Wählen Sie Tage von Montag bis Sonntag.
complaint-clock-first_answer = Erste Antwort
complaint-clock-remedy = Abhilfe
mail-answer-accepted = angenommen
mail-answer-declined = abgelehnt
mail-clock-first_answer = Erste Antwort
mail-clock-remedy = Abhilfe
complaint-clock-running = Noch { $hours } Std. { $minutes } Min.
complaint-clock-due-soon = Bald fällig: noch { $hours } Std. { $minutes } Min.
complaint-clock-overdue = Überfällig seit { $hours } Std. { $minutes } Min.
complaint-clock-met-on-time = Fristgerecht erledigt
complaint-clock-met-late = Verspätet erledigt
complaint-notice-reminder = Reklamation { $number } muss bald beantwortet werden.
complaint-notice-breach = Reklamation { $number } ist überfällig.

## Reklamationen: die Beschriftungen der Seiten (der Server sendet Kategorien, Status, Abhilfen, Fristen und Verlaufseinträge als Schlüssel)
nav-complaints = Reklamationen
order-file-complaint = Ein Problem mit diesem Auftrag melden
complaints-title = Reklamationen
complaints-intro-customer = Probleme, die Sie zu gelieferter Ware gemeldet haben, und wie wir sie lösen. Um ein neues zu melden, öffnen Sie den Auftrag und wählen Sie „Ein Problem melden“.
complaints-intro-house = Reklamationen der Kunden, offene zuerst. Beantworten Sie sie, bevor die Fristen ablaufen.
complaints-intro-factory = Reklamationen, die an Ihre Fabrik weitergegeben wurden. Bitte nennen Sie die Grundursache und die Korrekturmaßnahme.
complaints-loading = Reklamationen werden geladen…
complaints-none = Keine Reklamationen.
complaints-older = Ältere Reklamationen
complaints-newest = Neueste Reklamationen
complaint-col-number = Reklamation
complaint-col-order = Auftrag
complaint-col-purchase-order = Bestellung
complaint-col-customer = Kunde
complaint-col-category = Problem
complaint-col-status = Status
complaint-col-first-answer = Erste Antwort
complaint-col-remedy = Abhilfe
complaint-col-filed = Gemeldet
complaint-clock-due = fällig
complaint-new-title = Ein Problem melden
complaint-new-intro = Teilen Sie uns mit, was mit der Ware nicht stimmt und was wir tun sollen.
complaint-new-order-link = Zurück zum Auftrag
complaint-new-line-note = Diese Meldung betrifft eine Position des Auftrags.
complaint-new-category = Was ist nicht in Ordnung
complaint-new-quantity = Betroffene Menge
complaint-new-description = Beschreibung
complaint-new-remedy = Gewünschte Abhilfe
complaint-new-amount = Betrag (bei Gutschrift oder Preisnachlass)
complaint-new-amount-hint = Lassen Sie den Betrag bei Ersatzlieferung oder Nacharbeit leer.
complaint-new-send = Reklamation senden
complaint-option-category-quality = Qualität
complaint-option-category-short_quantity = Fehlmenge
complaint-option-category-damage = Beschädigung
complaint-option-category-late_delivery = Lieferverzug
complaint-option-category-wrong_documents = Fehlerhafte Dokumente
complaint-option-category-other = Sonstiges
complaint-option-remedy-replacement = Ersatzlieferung
complaint-option-remedy-credit_note = Gutschrift
complaint-option-remedy-discount = Preisnachlass
complaint-option-remedy-rework = Nacharbeit
complaint-back = ← Alle Reklamationen
complaint-not-found = Reklamation nicht gefunden
complaint-page-title = Reklamation { $number }
complaint-fact-first-answer = Erste Antwort
complaint-fact-remedy-clock = Abhilfe vorgeschlagen
complaint-fact-line = Position
complaint-fact-category = Problem
complaint-fact-quantity = Betroffene Menge
complaint-fact-asked = Gewünschte Abhilfe
complaint-fact-factory = Fabrik
complaint-fact-description = Beschreibung
complaint-fact-root-cause = Grundursache
complaint-fact-corrective-action = Korrekturmaßnahme
complaint-proposed-title = Vorgeschlagene Abhilfe
complaint-root-cause-title = Die Antwort der Fabrik
complaint-thread-title = Verlauf
complaint-thread-empty = Noch nichts.
complaint-thread-side-house = Handelshaus
complaint-thread-side-customer = Kunde
complaint-thread-side-factory = Fabrik
complaint-steps-title = Nächste Schritte
complaint-do-acknowledge = Bestätigen
complaint-do-investigate = Prüfung beginnen
complaint-do-pass = An die Fabrik weitergeben
complaint-do-answer = Antwort senden
complaint-do-propose = Abhilfe vorschlagen
complaint-do-accept = Abhilfe annehmen
complaint-do-decline = Abhilfe ablehnen
complaint-do-close = Reklamation schließen
complaint-do-reopen = Reklamation wieder öffnen
complaint-form-acknowledge = Reklamation bestätigen
complaint-form-pass = An die Fabrik der Position weitergeben
complaint-form-answer = Grundursache und Korrekturmaßnahme
complaint-form-propose = Abhilfe vorschlagen
complaint-form-decline = Vorgeschlagene Abhilfe ablehnen
complaint-form-reopen = Reklamation wieder öffnen
complaint-form-message-acknowledge = Erste Antwort an den Kunden
complaint-form-message-pass = Notiz für die Fabrik
complaint-form-message-answer = Korrekturmaßnahme
complaint-form-message-propose = Was wir dem Kunden anbieten
complaint-form-message-decline = Warum Sie ablehnen
complaint-form-message-reopen = Warum das Problem nicht gelöst ist
complaint-propose-remedy = Abhilfe
complaint-propose-amount = Betrag für den Kunden
complaint-propose-cost = Kosten für uns
complaint-propose-hint = Der Betrag gilt für eine Gutschrift oder einen Preisnachlass; die Kosten sind das, was die Abhilfe das Handelshaus kostet, und werden dem Kunden nicht angezeigt.

## Der Verlauf einer Reklamation
complaint-entry-filed = Reklamation eingereicht
complaint-entry-acknowledge = Erste Antwort
complaint-entry-investigate = Prüfung begonnen
complaint-entry-pass = An die Fabrik weitergegeben
complaint-entry-answer = Grundursache und Korrekturmaßnahme der Fabrik
complaint-entry-propose = Abhilfe vorgeschlagen
complaint-entry-accept = Abhilfe angenommen
complaint-entry-decline = Abhilfe abgelehnt
complaint-entry-close = Geschlossen
complaint-entry-reopen = Wieder geöffnet
complaint-not-shipped = Eine Reklamation kann erst eingereicht werden, wenn der Auftrag versandt wurde.
complaint-step-unknown = Wählen Sie, was mit der Reklamation geschehen soll.
complaint-changed = Jemand hat diese Reklamation inzwischen geändert. Laden Sie sie neu und versuchen Sie es erneut.
complaint-message-too-long = Die Nachricht ist zu lang (höchstens 4000 Zeichen).
complaint-message-needed = Schreiben Sie ein paar Worte für die Gegenseite.
complaint-no-factory = Mit dieser Auftragsposition ist noch keine Bestellposition einer Fabrik verknüpft.
complaint-root-cause-unknown = Wählen Sie eine Grundursache aus der Liste.
complaint-remedy-unknown = Wählen Sie eine Abhilfe.
complaint-amount-needed = Geben Sie den Betrag der Gutschrift oder des Preisnachlasses ein, z. B. 120.50.
complaint-amount-not-money = Nur eine Gutschrift oder ein Preisnachlass hat einen Betrag.
complaint-cost-money = Geben Sie die Kosten wie 120.50 ein oder lassen Sie das Feld leer.

## Kennzahlen zum Kundendienst
scorecard-quality = Reklamationen
kpi-complaints-title = Reklamationen
kpi-complaints-rate-title = Reklamationsquote
kpi-complaints-first-answer = Erste Antwort innerhalb der Frist · Median
kpi-complaints-remedy = Abhilfe innerhalb der Frist vorgeschlagen · Median
kpi-complaints-costs = Kosten der Abhilfen
kpi-complaints-definition = Reklamationsquote: im Zeitraum eingereichte Reklamationen je im Zeitraum versandter Auftragsposition. Erste Antwort und Abhilfe: Reklamationen des Zeitraums, die innerhalb der Frist beantwortet wurden (bzw. eine Abhilfe erhielten), gemessen in den Arbeitsstunden des Handelshauses, sowie die mittlere Dauer (Median). Kosten der Abhilfen: was die dafür vorgeschlagenen Abhilfen das Handelshaus kosten, je Währung. Nach Produkt und nach Fabrik: Reklamationen zum Produkt bzw. zur Ware der Fabrik je Position, die im Zeitraum versandt oder fertiggestellt wurde; die Bewertung einer Fabrik zeigt dieselbe Zahl.
kpi-complaints-count = Reklamationen
kpi-complaints-lines = Positionen
kpi-complaints-rate = Quote
kpi-complaints-product = Produkt
kpi-complaints-factory = Fabrik

## Nachrichten: das Gespräch zu einem Auftrag (Kunde und Handelshaus) und zu einer Bestellung (Handelshaus und Fabrik)
messages-title = Nachrichten
messages-loading = Nachrichten werden geladen…
messages-empty = Noch keine Nachrichten.
messages-side-house = Handelshaus
messages-side-customer = Kunde
messages-side-factory = Fabrik
messages-you = Sie
messages-hint-order-customer = Schreiben Sie unserem Vertriebsteam zu diesem Auftrag. Die Antworten erhalten Sie auch per E-Mail.
messages-hint-order-house = Das Gespräch mit dem Kunden zu diesem Auftrag. Die Fabrik sieht es nie.
messages-hint-po-factory = Schreiben Sie dem Handelshaus zu dieser Bestellung. Die Antworten erhalten Sie auch per E-Mail.
messages-hint-po-house = Das Gespräch mit der Fabrik zu dieser Bestellung. Der Kunde sieht es nie.
messages-body-label = Ihre Nachricht
messages-send = Senden
messages-refresh = Auf neue Nachrichten prüfen
message-body-empty = Bitte schreiben Sie eine Nachricht.
message-body-too-long = Eine Nachricht darf höchstens { $max } Zeichen lang sein.
message-body-control = Eine Nachricht darf keine Tabulatoren oder andere Steuerzeichen enthalten.
message-mail-order = Auftrag { $number }
message-mail-purchase-order = Bestellung { $number }

## Benachrichtigungen und tägliche Neuigkeiten
nav-notifications = Benachrichtigungen
nav-unread = { $count ->
    [one] Eine ungelesene Benachrichtigung
   *[other] { $count } ungelesene Benachrichtigungen
}
notifications-title = Benachrichtigungen
notifications-loading = Benachrichtigungen werden geladen…
notifications-none = Noch nichts: Worüber Sie per E-Mail informiert werden, erscheint auch hier.
notifications-unread = { $count ->
    [0] Alles gelesen.
    [one] Eine ungelesen.
   *[other] { $count } ungelesen.
}
notifications-read-all = Alle als gelesen markieren
news-line = { $no }. { $product } × { $quantity } { $unit }: { $date }
news-po-line = { $no }. { $product } × { $quantity }: { $date }
news-po-cancelled = storniert, da der zugehörige Auftrag storniert wurde; bitte stellen Sie die Arbeit daran ein
alerts-title = Warnungen und Neuigkeiten per E-Mail
alerts-digest = Verzugswarnungen in einer E-Mail pro Tag zusammenfassen
alerts-hint = Jede Verzugswarnung kommt einmal, wenn eine Position in eine schlechtere Stufe rutscht, und einmal, wenn sie wieder im Plan ist. Sie können Warnungen auch für einen einzelnen Auftrag auf dessen Seite abschalten. Ihre Auswahl hier bestimmt auch, was Ihre Benachrichtigungsliste anzeigt.
alerts-saved = Gespeichert.
alerts-kind-not-offered = Diese Benachrichtigung wird Ihnen nicht angeboten.
alerts-save = Auswahl der Warnungen speichern
alert-kind-supplier_slip = Eine Fabrik ist im Verzug
alert-kind-customer_slip = Eine Auftragsposition wird sich verspäten
alert-kind-back_on_track = Eine verspätete Position ist wieder im Plan
alert-kind-overdue = Ein zugesagter Termin ist verstrichen
alert-kind-stale_reminder = Erinnerung, den Fortschritt zu melden
alert-kind-message_received = Eine neue Nachricht zu einem Auftrag oder einer Bestellung
alert-kind-po_placed = Eine neue Bestellung
alert-kind-po_changed = Eine Bestellung wurde geändert oder storniert
alert-kind-order_confirmed = Ein Auftrag ist bestätigt
alert-kind-order_shipped = Ein Auftrag wurde verschifft (Schiff und Ankunftsdatum)
alert-kind-order_arrived = Ein Auftrag ist angekommen
alert-kind-payment_recorded = Eine Zahlung wurde erfasst
## Reklamationen: die Einstellungen des Handelshauses auf der Verwaltungsseite (Fristen, Arbeitszeiten, Grundursachen)
complaint-target-bad-format = Geben Sie ganze Stunden ein, z. B. 4, oder Stunden und Minuten, z. B. 1:30.
complaint-target-zero = Eine Frist muss mindestens eine Minute betragen.
complaint-target-too-long = Eine Frist darf höchstens { $hours } Stunden betragen.
complaint-target-remedy-before-answer = Die Abhilfe kann nicht vor der ersten Antwort fällig sein.
complaint-cause-label-required = Geben Sie der Grundursache einen Namen.
complaint-cause-label-too-long = Der Name darf höchstens { $max } Zeichen lang sein.
complaint-cause-label-bad-characters = Schreiben Sie den Namen in eine Zeile, ohne Steuerzeichen.
complaint-cause-duplicate = Diese Grundursache steht bereits auf der Liste.
complaint-settings-title = Reklamationsfristen und Grundursachen
complaint-settings-intro = Wie viel Zeit das Handelshaus für die erste Antwort auf eine Reklamation und für den Vorschlag einer Abhilfe hat, gezählt nur in Arbeitsstunden, und die Grundursachen, aus denen eine Fabrik wählt. Neue Fristen und Arbeitszeiten gelten für Reklamationen, die ab jetzt eingereicht werden.
complaint-settings-loading = Reklamationseinstellungen werden geladen…
complaint-settings-first-answer = Erste Antwort innerhalb von (Stunden)
complaint-settings-remedy = Abhilfe vorgeschlagen innerhalb von (Stunden)
complaint-settings-target-hint = Gezählt in Arbeitszeit: ganze Stunden, z. B. 4, oder Stunden und Minuten, z. B. 1:30.
complaint-settings-zone = Zeitzone (Abweichung von UTC)
complaint-settings-start = Arbeitsbeginn
complaint-settings-end = Arbeitsende
complaint-settings-days = Arbeitstage
complaint-settings-hours-hint = Uhrzeiten im 24-Stunden-Format, z. B. 09:00 und 18:00 (24:00 ist das Ende des Tages); die Zeitzone als Abweichung von UTC, z. B. +08:00 für Hongkong. Außerhalb dieser Zeiten stehen die Fristen still.
complaint-settings-saved = Gespeichert.
complaint-settings-save = Fristen speichern
complaint-settings-causes = Grundursachen
complaint-settings-causes-hint = Eine Fabrik wählt eine davon, wenn sie auf eine Reklamation antwortet. Die vorgegebenen bleiben immer erhalten; das Handelshaus kann eigene hinzufügen.
complaint-settings-cause-built-in = vorgegeben
complaint-settings-cause-own = vom Handelshaus hinzugefügt
complaint-settings-new-cause = Neue Grundursache
complaint-settings-add-cause = Grundursache hinzufügen

upload-picture-or-pdf-only = Hier können nur Bilder (PNG, JPEG, WebP, GIF) und PDF-Dateien hinzugefügt werden.
## Fotos und Berichte einer Reklamation
complaint-files-title = Fotos und Berichte
complaint-files-hint-customer = Fügen Sie Fotos des Problems oder einen Bericht als PDF hinzu.
complaint-files-hint-house = Die Fabrik sieht diese Dateien, sobald die Reklamation an sie weitergegeben wurde; der Kunde sieht seine eigenen und die, die Sie teilen.
complaint-files-hint-factory = Fügen Sie Fotos der Grundursache oder der Korrekturmaßnahme oder einen Bericht als PDF hinzu.
complaint-files-closed = Diese Reklamation ist geschlossen. Öffnen Sie sie wieder, um Fotos hinzuzufügen.
file-uploaded-by-own = Von Ihrem Unternehmen hochgeladen
file-uploaded-by-house = Vom Handelshaus hochgeladen
file-uploaded-by-customer = Vom Kunden hochgeladen

## Die Kontoseite: die eigenen Sitzungen
sessions-title = Wo Sie angemeldet sind
sessions-hint = Jeder Browser, in dem Sie angemeldet sind. Wenn Sie einen nicht wiedererkennen, melden Sie ihn ab und ändern Sie Ihr Passwort.
sessions-loading = Ihre Sitzungen werden geladen…
sessions-this-device = Dieses Gerät
sessions-unknown-device = Unbekanntes Gerät
sessions-unknown-address = Unbekannte Adresse
sessions-address = Adresse
sessions-signed-in = Angemeldet
sessions-last-used = Zuletzt verwendet
sessions-end = Abmelden
sessions-end-others = Überall sonst abmelden
sessions-others-ended = { $count ->
    [one] Eine andere Sitzung wurde abgemeldet.
   *[other] { $count } andere Sitzungen wurden abgemeldet.
}
## Die Verwaltungsseite: neue externe Konten und das Audit-Protokoll
oversight-loading = Wird geladen…
oversight-kind-customer = Kunde
oversight-kind-supplier = Fabrik
new-accounts-title = Neue Kunden- und Fabrikkonten
new-accounts-intro = Konten, die in den letzten 30 Tagen für Mitarbeiter von Kunden und Fabriken angelegt wurden, und wer sie jeweils eingeladen hat. Die bestehenden Benutzer des Unternehmens werden über jedes neue Konto per E-Mail informiert.
new-accounts-none = In den letzten 30 Tagen wurde kein Kunden- oder Fabrikkonto angelegt.
new-accounts-person = Person
new-accounts-company = Unternehmen
new-accounts-invited-by = Eingeladen von
new-accounts-created = Angelegt
new-accounts-status = Status
new-accounts-signed-in = Angemeldet
new-accounts-not-yet = Noch nicht angemeldet
new-accounts-deactivated = Deaktiviert
new-accounts-inviter-unknown = Unbekannt
audit-title = Audit-Protokoll
audit-intro = Anmeldungen, Abmeldungen, Einladungen, Passwortänderungen, Deaktivierungen und verweigerte Zugriffe, die neuesten zuerst.
audit-filter-kind = Art
audit-filter-all = Alle Arten
audit-filter-person = Person
audit-filter-person-hint = E-Mail-Adresse
audit-none = Keine passenden Einträge.
audit-shown = Neueste zuerst: { $count } Einträge (höchstens 200 werden angezeigt).
audit-at = Wann
audit-kind = Art
audit-actor = Wer
audit-target = Betrifft
audit-address = Adresse
audit-detail = Details
audit-unknown-kind = Wählen Sie eine der Arten aus der Liste.
audit-person-too-long = Diese E-Mail-Adresse ist zu lang.
audit-kind-login_succeeded = Angemeldet
audit-kind-login_failed = Anmeldung fehlgeschlagen
audit-kind-login_blocked = Anmeldung gesperrt
audit-kind-logout = Abgemeldet
audit-kind-session_ended = Sitzung abgemeldet
audit-kind-other_sessions_ended = Andere Sitzungen abgemeldet
audit-kind-invitation_sent = Einladung gesendet
audit-kind-invitation_accepted = Einladung angenommen
audit-kind-password_changed = Passwort geändert
audit-kind-password_reset_requested = Zurücksetzen des Passworts angefordert
audit-kind-password_reset_completed = Passwort zurückgesetzt
audit-kind-user_deactivated = Konto deaktiviert
audit-kind-access_denied = Zugriff verweigert
audit-kind-staff_level_set = Mitarbeiterstufe festgelegt
audit-kind-house_rules_set = Regeln des Handelshauses geändert
audit-kind-root_cause_added = Grundursache hinzugefügt
audit-kind-two_factor_enabled = Zwei-Faktor-Anmeldung eingeschaltet
audit-kind-two_factor_disabled = Zwei-Faktor-Anmeldung ausgeschaltet
audit-kind-two_factor_failed = Falscher Anmeldecode
audit-kind-recovery_codes_issued = Wiederherstellungscodes ausgegeben
audit-kind-recovery_code_used = Wiederherstellungscode verwendet

## Zwei-Faktor-Anmeldung
two-factor-title = Zwei-Faktor-Anmeldung
two-factor-intro = Mit eingeschalteter Zwei-Faktor-Anmeldung werden Sie bei der Anmeldung nach Ihrem Passwort und dann nach einem sechsstelligen Code aus einer Authenticator-App auf Ihrem Telefon gefragt (z. B. Google Authenticator, Microsoft Authenticator, FreeOTP oder Aegis). Wer Ihr Passwort erfährt, kann sich trotzdem nicht als Sie anmelden.
two-factor-link-hint = Bei jeder Anmeldung zusätzlich zu Ihrem Passwort ein Code aus einer App auf Ihrem Telefon.
two-factor-manage = Zwei-Faktor-Anmeldung einrichten oder ändern
two-factor-loading = Wird geladen…
two-factor-back = ← Zurück zu Ihrem Konto
two-factor-on = Die Zwei-Faktor-Anmeldung ist eingeschaltet.
two-factor-off = Die Zwei-Faktor-Anmeldung ist ausgeschaltet.
two-factor-required-note = Das Handelshaus schreibt seinen Mitarbeitern die Zwei-Faktor-Anmeldung vor; für Ihr Konto bleibt sie daher eingeschaltet.
two-factor-start = Zwei-Faktor-Anmeldung einrichten
two-factor-setup-hint = Fügen Sie in Ihrer Authenticator-App ein Konto hinzu und geben Sie diesen Schlüssel ein (oder öffnen Sie die Adresse unten auf Ihrem Telefon). Die App zeigt dann alle 30 Sekunden einen neuen sechsstelligen Code.
two-factor-secret = Schlüssel:
two-factor-url = Adresse für die App:
two-factor-first-code = Der Code, den Ihre App gerade anzeigt
two-factor-confirm = Bestätigen und einschalten
two-factor-codes-title = Ihre Wiederherstellungscodes
two-factor-codes-hint = Jeder Code meldet Sie einmal an, falls Ihr Telefon verloren geht. Bewahren Sie sie sicher und getrennt von Ihrem Telefon auf: Sie werden nur dieses eine Mal angezeigt.
two-factor-codes-left = { $count ->
    [one] Ein unbenutzter Wiederherstellungscode übrig.
   *[other] { $count } unbenutzte Wiederherstellungscodes übrig.
}
two-factor-new-codes = Neue Wiederherstellungscodes
two-factor-turn-off = Zwei-Faktor-Anmeldung ausschalten
two-factor-password = Ihr Passwort
two-factor-code = Code
two-factor-code-hint = Der sechsstellige Code aus Ihrer Authenticator-App oder einer Ihrer Wiederherstellungscodes.
two-factor-sign-in-title = Anmeldecode
two-factor-code-intro = Ihr Passwort war richtig. Geben Sie jetzt den Code ein, den Ihre Authenticator-App für das Portal anzeigt.
two-factor-enrol-intro = Das Handelshaus schreibt seinen Mitarbeitern die Zwei-Faktor-Anmeldung vor. Richten Sie sie jetzt ein, um die Anmeldung abzuschließen: Fügen Sie das Portal in einer Authenticator-App auf Ihrem Telefon hinzu und geben Sie dann den angezeigten Code ein.
two-factor-verify = Weiter
two-factor-continue = Weiter zum Portal
two-factor-expired = Diese Anmeldung ist abgelaufen oder bereits abgeschlossen.
two-factor-sign-in-again = Erneut anmelden
two-factor-wrong-code = Dieser Code ist falsch oder wurde bereits verwendet. Die Codes wechseln alle 30 Sekunden; geben Sie den ein, den Ihre App gerade anzeigt.
two-factor-wrong-password = Ihr Passwort ist falsch.
two-factor-already-on = Die Zwei-Faktor-Anmeldung ist für Ihr Konto bereits eingeschaltet.
two-factor-start-first = Richten Sie zuerst die Zwei-Faktor-Anmeldung ein und geben Sie dann einen Code ein.
two-factor-not-on = Die Zwei-Faktor-Anmeldung ist für Ihr Konto nicht eingeschaltet.
two-factor-required-stays-on = Das Handelshaus schreibt seinen Mitarbeitern die Zwei-Faktor-Anmeldung vor; sie kann nicht ausgeschaltet werden.
two-factor-house-needs-own = Schalten Sie zuerst die Zwei-Faktor-Anmeldung für Ihr eigenes Konto ein.
two-factor-rule-title = Zwei-Faktor-Anmeldung für Mitarbeiter
two-factor-rule-intro = Wenn sie vorgeschrieben ist, melden sich Mitarbeiter und Administratoren zusätzlich zum Passwort mit einem Code aus einer Authenticator-App an. Wer im Handelshaus sie noch nicht nutzt, wird abgemeldet und richtet sie bei der nächsten Anmeldung ein. Kunden und Fabriken entscheiden selbst.
two-factor-rule-required = Zwei-Faktor-Anmeldung für Mitarbeiter und Administratoren vorschreiben
two-factor-rule-save = Speichern
two-factor-rule-saved = Gespeichert.

## Formulare, die bei der Live-Aktualisierung der Seite erhalten bleiben
order-form-stale = Dieser Auftrag hat sich geändert, seit Sie begonnen haben. Ihre Eingaben bleiben erhalten; beim Senden wird der Auftrag erneut geprüft.
## Die Startseite des Kunden auf einen Blick
glance-title = Auf einen Blick
glance-loading = Wird geladen…
glance-on-track = { $count ->
    [0] Keine Aufträge im Plan
    [one] Ein Auftrag im Plan
   *[other] { $count } Aufträge im Plan
}
glance-at-risk = { $count ->
    [0] Keiner gefährdet
    [one] Einer gefährdet
   *[other] { $count } gefährdet
}
glance-late = { $count ->
    [0] Keiner verspätet
    [one] Einer verspätet
   *[other] { $count } verspätet
}
glance-ships-next = Was als Nächstes verschifft wird
glance-ships-none = Noch ist nichts zur Verschiffung gebucht.
glance-departs = { $number } läuft am { $date } mit der { $vessel } aus
glance-arrives = { $number } ist mit der { $vessel } auf See, Ankunft am { $date }
glance-waiting = Was auf Sie wartet
glance-waiting-none = Nichts wartet auf Sie.
glance-waiting-more = { $count ->
    [one] Eine weitere Sache wartet.
   *[other] { $count } weitere Sachen warten.
}
glance-wait-quotation = Angebot { $number } zum Annehmen oder Ablehnen
glance-wait-counter = Ein Gegenvorschlag zu Auftrag { $number } zum Beantworten
glance-wait-remedy = Eine vorgeschlagene Abhilfe zu Reklamation { $number } zum Annehmen oder Ablehnen
glance-wait-instalment = Eine Zahlung zu Auftrag { $number }
glance-wait-document = Ein neues Dokument zu Auftrag { $number }: { $name }
glance-due = bis { $date }
glance-overdue = überfällig seit { $date }
## Zeitzone auf der Kontoseite
time-zone-title = Zeitzone
time-zone-label = Uhrzeiten anzeigen in
time-zone-hint = Uhrzeiten im Portal und in Ihren E-Mails sowie die Stunde, zu der Ihre tägliche Zusammenfassung eintrifft, richten sich nach dieser Zone. Datumsangaben wie Wunsch- oder zugesagte Termine sind überall gleich.
time-zone-save = Zeitzone speichern
time-zone-suggest = Ihr Browser ist auf { $zone } eingestellt.
time-zone-use = { $zone } verwenden
time-zone-empty = Wählen Sie eine Zeitzone.
time-zone-unknown = Diese Zeitzone kennen wir nicht; wählen Sie eine aus der Liste.

## Kunden-, Konto- und Anmeldeseiten
order-back = ← Alle Aufträge
order-loading = Auftrag wird geladen…
order-not-found = Auftrag nicht gefunden
order-heading = Auftrag { $number }
order-value = Auftragswert: { $amount }
order-status-label = Status:
order-status-inquiry = Anfrage
order-status-quoted = Angeboten
order-status-confirmed = Bestätigt
order-status-in_production = In Produktion
order-status-ready = Versandbereit
order-status-shipped = Versandt
order-status-arrived = Angekommen
order-status-settled = Abgerechnet
order-status-cancelled = Storniert
order-badge-unconfirmed = Nicht bestätigt
order-badge-on-track = Im Plan
order-badge-at-risk = Gefährdet
order-badge-late = Verspätet
order-fact-customer = Kunde
order-fact-incoterm = Incoterm
order-fact-payment = Zahlung
order-fact-ship-to = Lieferanschrift
order-fact-margin = Marge
order-confirmation-link = Auftragsbestätigung ({ $number })
order-move-to = Auf „{ $status }“ setzen
order-alerts-off = Warnungen für diesen Auftrag sind ausgeschaltet: einschalten
order-alerts-turn-off = Warnungen für diesen Auftrag ausschalten
order-lines = Positionen
order-col-product = Produkt
order-col-qty = Menge
order-col-unit-price = Stückpreis ({ $currency })
order-col-requested = Wunschtermin
order-col-committed = Zugesagt
order-col-forecast = Prognose
order-col-production = Produktion
order-slip-days = +{ $days } Tg.
order-payment = Zahlung
order-payment-entry = { $date } · { $amount } · Ref. { $reference }
order-paid = Bezahlt: { $paid } von { $total } { $currency }
order-outstanding = Offen: { $amount }
order-production-title = Produktionsmeldungen
order-production-line = Position { $line }: { $milestone }
order-production-ready = fertig am { $date }
order-production-reason = Begründung: { $reason }
order-production-note = Notiz: { $note }
order-production-newest = Die neuesten { $count } Meldungen werden gezeigt; jeder erreichte Meilenstein bleibt im Verlauf.
order-timeline = Verlauf
order-timeline-newest = Die neuesten { $count } Einträge werden gezeigt.
order-timeline-all = Der ganze Verlauf
timeline-title = Verlauf des Auftrags { $number }
timeline-back = Zurück zum Auftrag { $number }
timeline-older-page = Frühere Einträge, die neuesten zuerst.
timeline-empty = Zu diesem Auftrag ist noch nichts geschehen.
timeline-older = Ältere Einträge
timeline-newest = Neueste Einträge
orders-title = Aufträge
orders-export = Auftragsbuch herunterladen (CSV)
orders-loading = Aufträge werden geladen…
orders-none = Keine passenden Aufträge.
orders-filter-status = Status
orders-filter-all = Alle
orders-filter-search = Suche
orders-filter-search-hint = Auftragsnummer oder Produkt
orders-filter-customer = Kunde
orders-filter-committed-from = Zugesagt ab
orders-filter-committed-to = bis
orders-filter-at-risk = Nur verzögerte oder überfällige
orders-col-order = Auftrag
orders-col-customer = Kunde
orders-col-status = Status
orders-col-lines = Positionen
orders-col-next-committed = Nächster Zusagetermin
orders-col-dates = Termine
orders-newest = Neueste Aufträge
orders-older = Ältere Aufträge
orders-new-title = Neuer Auftrag
orders-new-customer = Kunde
orders-new-currency = Währung
orders-new-incoterm = Incoterm
orders-new-payment-terms = Zahlungsbedingungen
orders-new-ship-to = Lieferanschrift
orders-new-lines = Positionen
orders-new-line = Position { $line }
orders-new-description = Beschreibung / Spezifikation
orders-new-unit-price = Stückpreis
orders-new-create = Auftrag anlegen
cr-title = Eine Änderung anfragen
cr-intro = Ändern Sie, was Sie benötigen, und senden Sie die Anfrage ab. Das Handelshaus antwortet Ihnen, und eine genehmigte Änderung geht an die Fabrik.
cr-line = Position { $line } · { $product }
cr-quantity = Menge ({ $unit })
cr-delivery-date = Liefertermin
cr-cancel-line = Diese Position stornieren
cr-description = Beschreibung / Spezifikation
cr-ship-to = Lieferanschrift
cr-add-line = Position hinzufügen (optional)
cr-product-code = Artikelnummer
cr-added-quantity = Menge
cr-unit = Einheit
cr-note = Notiz für das Handelshaus
cr-send = Änderungsanfrage senden
landing-title = Jeder Auftrag, jede Fabrik, eine Live-Ansicht.
landing-lead = Kunden verfolgen ihre Aufträge von der Anfrage bis zur Abrechnung. Fabriken melden ihren Fortschritt in Sekunden. Gerät die Produktion in Verzug, erfahren es die richtigen Personen sofort, und vereinbarte Änderungen erreichen direkt die Fertigung.
landing-customers-title = Für Kunden
landing-customers-orders = Nur die Aufträge Ihres Unternehmens, mit einem Live-Statusverlauf sowie dem gewünschten, zugesagten und prognostizierten Termin jeder Position.
landing-customers-changes = Fragen Sie eine Änderung von Menge, Spezifikation, Liefertermin oder Lieferanschrift an und sehen Sie die Antwort hier.
landing-suppliers-title = Für Lieferfabriken
landing-suppliers-text = Die Ihnen zugeordneten Bestellpositionen und ein kurzes Formular, um Meilensteine, fertige Mengen und einen neuen Fertigstellungstermin zu melden.
landing-staff-title = Für den Vertrieb
landing-staff-text = Zu entscheidende Änderungsanfragen, gefährdete Aufträge, bevor sie sich verspäten, und welche Fabrik am häufigsten in Verzug gerät.
landing-status-title = Portalstatus
landing-status-check = Portal prüfen
landing-status-checking = Wird geprüft…
landing-status-not-checked = Noch nicht geprüft.
landing-fact-house = Betrieben von
landing-fact-no-house = Noch kein Handelshaus eingerichtet
landing-fact-customers = Kunden
landing-fact-suppliers = Lieferfabriken
supplier-production-page = Produktion
supplier-production-title = Produktion in den Fabriken
supplier-production-line = Bestellposition
supplier-language = Sprache
supplier-history-lot = Partie { $quantity }
account-title = Ihr Konto
account-name = Name
account-email = E-Mail
account-company = Unternehmen
account-role = Rolle
account-role-admin = Administrator
account-role-staff = Vertriebsmitarbeiter
account-role-customer = Kunde
account-role-supplier = Lieferant
account-password-title = Passwort ändern
account-password-hint = Wenn Sie Ihr Passwort ändern, werden Sie überall sonst abgemeldet.
account-current-password = Aktuelles Passwort
account-new-password = Neues Passwort (mindestens 12 Zeichen)
account-password-save = Passwort ändern
account-password-changed = Ihr Passwort wurde geändert.
invite-title = Einladung annehmen
invite-welcome = Willkommen im Trade Portal
invite-checking = Ihre Einladung wird geprüft…
invite-as = Sie sind eingeladen als
invite-of = von
invite-start = ({ $email }). Wählen Sie Ihr Passwort, um zu beginnen.
invite-name = Ihr Name
invite-password = Passwort (mindestens 12 Zeichen)
invite-submit = Passwort festlegen und anmelden
login-title = Anmelden
login-signed-in-as = Sie sind als { $name } angemeldet.
login-go-to-area = Zu Ihrem Bereich
login-someone-else = oder melden Sie sich als andere Person an.
login-email = E-Mail
login-password = Passwort
login-submit = Anmelden
login-signing-in = Anmeldung läuft…
login-forgot = Passwort vergessen?
reset-title = Passwort zurücksetzen
reset-heading = Setzen Sie Ihr Passwort zurück
reset-intro = Geben Sie die E-Mail-Adresse Ihres Kontos ein. Wir senden Ihnen einen Link, mit dem Sie ein neues Passwort wählen können.
reset-email = E-Mail
reset-send = Link senden
reset-new-title = Neues Passwort wählen
reset-new-password = Neues Passwort (mindestens 12 Zeichen)
reset-save = Neues Passwort speichern
reset-done = Ihr Passwort wurde geändert, und alle bisherigen Sitzungen wurden beendet.
reset-sign-in = Anmelden
layout-brand = Trade Portal
layout-nav-label = Hauptmenü
layout-overview = Übersicht
layout-sign-in = Anmelden
layout-footer = Trade Portal · selbst gehostete Auftragstransparenz für Exporthandelshäuser
error-not-found-title = Nicht gefunden
error-not-found-heading = Seite nicht gefunden
error-not-found-text = Unter dieser Adresse gibt es nichts, oder Sie dürfen es nicht sehen.
error-back-to-overview = Zurück zur Übersicht
error-forbidden-title = Nicht erlaubt
error-forbidden-text = Dieser Teil des Portals steht Ihrem Konto nicht offen. Das Menü oben zeigt, was Sie nutzen können.
guard-loading = Wird geladen…
form-saved = Gespeichert.
err-approval-not-waiting = Dieses Angebot wartet auf keine Freigabe.
err-approval-comment-too-long = Der Kommentar darf höchstens 2000 Zeichen lang sein.
err-approval-decided-first = Jemand anderes hat diesen Schritt soeben entschieden. Laden Sie die Seite neu, um die Entscheidung zu sehen.
err-credit-score = Geben Sie einen Score von 0 bis 100 an.
err-credit-note-too-long = Die Notiz darf höchstens 500 Zeichen lang sein.
err-quote-inquiry-quoted = Zu dieser Anfrage gibt es bereits ein Angebot; öffnen Sie es über die Anfrage.
err-quote-only-draft = Nur ein Entwurf kann geändert werden; erstellen Sie eine neue Revision, um das Angebot zu ändern.
err-quote-changed = Das Angebot wurde geändert, seit Sie es geöffnet haben. Laden Sie die Seite neu, um die Änderung zu sehen.
err-quote-changed-try-again = Das Angebot wurde geändert, seit Sie es geöffnet haben. Laden Sie die Seite neu, um die Änderung zu sehen, und versuchen Sie es dann erneut.
err-quote-penalty-too-high = Eine Vertragsstrafe von mehr als 10 % pro Tag ist keine realistische Vertragsbedingung.
err-quote-note-too-long = Die Notiz darf höchstens 2000 Zeichen lang sein.
err-quote-no-lines = Ein Angebot braucht mindestens eine Position.
err-quote-too-many-lines = Bieten Sie höchstens { $max } Positionen auf einmal an.
err-quote-unknown-factory = Wählen Sie eine der Fabriken.
err-quote-lead-time = Geben Sie die Lieferzeit in Tagen an, von 0 bis 365.
err-inquiry-note-too-long = Die Notiz darf höchstens 2000 Zeichen lang sein.
err-inquiry-no-lines = Nennen Sie mindestens ein Produkt.
err-inquiry-too-many-lines = Fragen Sie höchstens { $max } Produkte auf einmal an.
err-rules-step-hours = Geben Sie die Stunden pro Schritt an, von 1 bis 168.
err-rules-low-credit-deposit = Bei schwacher Bonität kann die Anzahlung nicht niedriger sein als bei guter Bonität.
err-unknown-language = Unbekannte Sprache.
err-email-too-long = Diese E-Mail-Adresse ist zu lang.
err-link-expired = Dieser Link ist abgelaufen oder wurde bereits verwendet. Fordern Sie einen neuen an.
err-current-password-wrong = Ihr aktuelles Passwort ist nicht richtig.
err-wrong-credentials = E-Mail-Adresse und Passwort passen zu keinem aktiven Konto.
err-cr-order-closed = { $status ->
    [arrived] Der Auftrag ist angekommen; er kann nicht mehr geändert werden.
    [settled] Der Auftrag ist abgerechnet; er kann nicht mehr geändert werden.
    [cancelled] Der Auftrag ist storniert; er kann nicht mehr geändert werden.
   *[shipped] Der Auftrag ist versandt; er kann nicht mehr geändert werden.
}
err-cr-nothing-changed = Ändern Sie mindestens einen Wert oder schreiben Sie eine Notiz für das Handelshaus.
err-cr-date-past = Der neue Termin kann nicht in der Vergangenheit liegen.
err-cr-last-line = Ein Auftrag behält mindestens eine Position; um den ganzen Auftrag zu stoppen, schreiben Sie dem Handelshaus.
err-cr-closed-quantity = Mengen können nicht mehr geändert werden, sobald die Ware gefertigt ist.
err-cr-closed-description = Die Spezifikation kann nicht mehr geändert werden, sobald die Ware gefertigt ist.
err-cr-closed-date = Liefertermine können nicht mehr geändert werden, sobald die Ware versandt ist.
err-cr-closed-ship-to = Die Lieferanschrift kann nicht mehr geändert werden, sobald die Ware versandt ist.
err-cr-closed-add-line = Positionen können nicht mehr hinzugefügt werden, sobald die Produktion abgeschlossen ist.
err-cr-closed-cancel-line = Positionen können nicht mehr storniert werden, sobald die Ware gefertigt ist.
## Seiten des Handelshauses: Arbeitsbereich, KPIs, Benutzer, Auftragsbearbeitung, E-Mail, Bereiche, Änderungen
ws-board-title = Gefährdete Positionen
ws-board-definition = Offene Auftragspositionen (bestätigt, in Produktion oder versandbereit), die überfällig sind (zugesagter Termin verstrichen, nicht fertig), sich verzögern (Prognose nach dem zugesagten Termin), auf eine Entscheidung über eine Änderung warten, auf die Bestätigung einer Änderung durch die Fabrik warten oder deren Fabrik sich länger nicht gemeldet hat. Die dringendsten zuerst; die Übersicht aktualisiert sich selbst.
ws-board-empty = Nichts ist gefährdet.
ws-board-showing = Die { $shown } dringendsten von { $total }.
ws-board-show-all = Alle { $total } anzeigen
ws-board-show-fewer = Nur die dringendsten anzeigen
ws-board-capped = Möglicherweise sind mehr Positionen gefährdet, als die Übersicht erfasst: Sie bewertet die { $limit } mit den frühesten zugesagten Terminen, jede Zahl ist also ein Mindestwert.
ws-risk-overdue = Überfällig
ws-risk-slipping = Verzögert
ws-risk-awaiting-decision = Änderungsanfrage zu entscheiden
ws-risk-change-not-acknowledged = Änderung von der Fabrik nicht bestätigt
ws-risk-stale = Länger keine Meldung der Fabrik
ws-col-order = Auftrag
ws-col-customer = Kunde
ws-col-line = Position
ws-col-product = Produkt
ws-col-committed = Zugesagt
ws-col-forecast = Prognose
ws-col-late-by = Verspätung
ws-col-also = Außerdem
ws-slip-days = { $days } Tg.
kpi-title = KPIs
kpi-computing = Wird berechnet…
kpi-from = Von
kpi-to = Bis
kpi-show = Anzeigen
kpi-period-computed = { $from } bis { $to } · berechnet in { $ms } ms
kpi-no-data = keine Daten
kpi-rate = { $percent } % ({ $hits } von { $total })
kpi-spread-days = Median { $median } Tage, 90 % innerhalb von { $p90 } Tagen ({ $count } Fälle)
kpi-spread-hours = Median { $median } Stunden, 90 % innerhalb von { $p90 } Stunden ({ $count } Fälle)
kpi-spread-h = Median { $median } h, 90 % innerhalb von { $p90 } h ({ $count } Fälle)
kpi-hours-minutes = { $hours } Std. { $minutes } Min.
kpi-chart-desc = { $axis }, ein Balken pro Zeile.
kpi-cycle-title = Auftragsdurchlaufzeit
kpi-cycle-definition = Tage von der Bestätigung bis zum Versand, für Aufträge, die im Zeitraum versandt wurden.
kpi-on-time-title = Liefertreue
kpi-on-time-definition = Positionen von Aufträgen, die im Zeitraum versandt wurden (an dem Tag, an dem der Auftrag als versandt markiert wurde), und zwar spätestens am zugesagten Termin (nie an der Prognose gemessen). Positionen ohne zugesagten Termin werden nicht gezählt ({ $count } in diesem Zeitraum).
kpi-turnaround-title = Bearbeitungszeit von Änderungsanfragen
kpi-turnaround-definition = Stunden von der Anfrage eines Kunden bis zur Entscheidung des Handelshauses (Genehmigung, Ablehnung oder Gegenvorschlag), für Anfragen, die im Zeitraum entschieden wurden.
kpi-supplier-title = Termintreue der Fabriken
kpi-supplier-definition = Positionen der Fabriken, die im Zeitraum erstmals spätestens zum zugesagten Fertigstellungstermin als fertig gemeldet wurden.
kpi-quote-time-title = Von der Anfrage zum Angebot
kpi-quote-time-definition = Stunden von der Anfrage eines Kunden bis zum ersten dafür versandten Angebot, für Anfragen aus dem Zeitraum; { $count } davon noch ohne Angebot.
kpi-approval-time-title = Dauer der Freigabe
kpi-approval-time-definition = Stunden von der Einreichung eines Angebots bis zu seiner letzten Freigabe, für Angebote, die im Zeitraum eingereicht und auf jeder Stufe freigegeben wurden.
kpi-win-rate-title = Erfolgsquote der Angebote
kpi-win-rate-definition = Angenommene Angebote unter denen, die die Kunden im Zeitraum angenommen oder abgelehnt haben oder die im Zeitraum abgelaufen sind; offene, zurückgezogene und ersetzte zählen nicht.
kpi-alerts-title = Warnungen nach Art
kpi-alerts-definition = Im Zeitraum eingereihte Warn-E-Mails nach Art (Warnungen, die für eine tägliche Zusammenfassung zurückgehalten werden, zählen erst beim Versand).
kpi-col-kind = Art
kpi-col-mails = E-Mails
kpi-download-csv = Als CSV herunterladen
kpi-scorecards-title = Bewertung der Fabriken
kpi-scorecards-definition = Pünktlich: Positionen, die im Zeitraum erstmals bis zum zugesagten Fertigstellungstermin fertig waren; durchschnittliche Verspätung in Tagen über die verspäteten; aktuelle Meldung: offene Positionen, die innerhalb des Erinnerungszeitraums gemeldet wurden, Stand heute; Bestätigung: Stunden bis zur Bestätigung einer im Zeitraum angefragten Änderung sowie noch unbestätigte Änderungen.
kpi-scorecards-chart = Pünktlichkeitsquote der Fabriken
kpi-scorecards-axis = Pünktlich (%)
kpi-col-factory = Fabrik
kpi-col-on-time = Pünktlich
kpi-col-avg-days-late = Ø Tage Verspätung
kpi-col-fresh = Aktuell
kpi-col-acknowledgement = Bestätigung
kpi-col-waiting = Ausstehend
kpi-pareto-revenue-title = Kunden: wer 80 % des Umsatzes bringt
kpi-pareto-revenue-definition = Wert der im Zeitraum bestätigten Aufträge (Menge × Stückpreis), je Währung, die größten zuerst; die wesentlichen wenigen sind die Kunden, von denen die ersten 80 % stammen.
kpi-pareto-profit-title = Kunden: wer 80 % des Gewinns bringt
kpi-pareto-profit-definition = Gewinn der im Zeitraum bestätigten Aufträge, die aus einem kalkulierten Angebot hervorgegangen sind: je Position Menge × (Verkaufspreis − Preis der Fabrik), je Währung, die größten zuerst. Ohne Angebot erfasste Aufträge haben keinen Einkaufspreis und werden nicht gezählt.
kpi-pareto-revenue-chart = Anteil am Umsatz, { $currency }
kpi-pareto-profit-chart = Anteil am Gewinn, { $currency }
kpi-pareto-axis = Anteil (%)
kpi-col-customer = Kunde
kpi-col-revenue = Umsatz
kpi-col-profit = Gewinn
kpi-col-share = Anteil
kpi-col-cumulative = Kumuliert
kpi-col-vital-few = Wesentlich
kpi-vital-yes = ja
kpi-delays-title = Höchste Verspätungsquoten
kpi-delays-definition = Produkte: Positionen, die im Zeitraum nach ihrem zugesagten Termin versandt wurden, bezogen auf die versandten Positionen mit zugesagtem Termin (mindestens zwei Positionen). Fabriken: Positionen, die nach ihrem zugesagten Fertigstellungstermin fertig wurden.
kpi-delays-chart = Verspätet versandte Produkte
kpi-delays-axis = Verspätet (%)
kpi-late-bar = { $percent } % verspätet ({ $late } von { $total })
kpi-col-product = Produkt
kpi-col-late = Verspätet
kpi-col-lines = Positionen
kpi-col-rate = Quote
people-invite-title = Jemanden einladen
people-company = Unternehmen
people-role = Rolle
people-name = Name
people-email = E-Mail
people-send-invitation = Einladung senden
people-invitation-sent = Einladung an { $email } gesendet. Der Link ist 72 Stunden gültig.
people-status = Status
people-status-active = Aktiv
people-status-invited = Eingeladen
people-status-deactivated = Deaktiviert
people-role-admin = Administrator
people-role-staff = Vertriebsmitarbeiter
people-role-customer = Kunde
people-role-supplier = Lieferant
people-deactivate = Deaktivieren
people-staff-level = Mitarbeiterstufe
people-no-approvals = Keine Freigaben
people-set-level = Festlegen
people-rules-title = Regeln für Angebote
people-rules-definition = Welche Stufen ein Angebot freigeben und welche Anzahlung die Bonität eines Kunden erfordert. Zuerst gibt die Vertriebsleitung frei, dann die Kalkulation, dann die kaufmännische Leitung.
people-rules-manager-always = Die Vertriebsleitung gibt jedes Angebot frei
people-rules-cost-accountant = Kalkulation bei Marge unter (%)
people-rules-director-above = Kaufmännische Leitung bei Gesamtsumme über
people-rules-director-deposit = Die kaufmännische Leitung gibt eine Anzahlung frei, die unter dem liegt, was die Bonität erfordert
people-rules-step-hours = Stunden pro Freigabeschritt
people-rules-credit-threshold = Schwache Bonität unter Score
people-rules-normal-deposit = Anzahlung bei guter Bonität (%)
people-rules-low-deposit = Anzahlung bei schwacher Bonität (%)
people-rules-save = Regeln speichern
desk-factories = Fabriken
desk-col-line = Position
desk-col-po = Bestellung
desk-factory = Fabrik
desk-col-milestone = Meilenstein
desk-col-done = Fertig
desk-ready-by = Fertig bis
desk-col-forecast = Prognose
desk-place-title = Bestellung erteilen
desk-lines = Positionen
desk-line-product = Position { $line } · { $product }
desk-place-submit = Bestellung erteilen
desk-edit-title = Auftrag bearbeiten
desk-payment-terms = Zahlungsbedingungen
desk-ship-to = Lieferanschrift
desk-save = Änderungen speichern
desk-currency = Währung
desk-incoterm = Incoterm
desk-terms-fixed = Währung, Incoterm und Positionen stehen seit der Bestätigung fest; sie ändern sich nur über eine Änderungsanfrage des Kunden.
desk-line-product-code = Artikelnummer
desk-line-description = Beschreibung / Spezifikation
desk-line-hs-code = Zolltarifnummer (HS)
desk-line-quantity = Menge
desk-line-unit = Einheit
desk-line-unit-price = Stückpreis
desk-line-requested = Wunschtermin
desk-new-line = Neue Position
desk-remove = Entfernen
desk-lines-hint = { $count } Position(en); füllen Sie die letzte Zeile aus, um eine hinzuzufügen.
mail-dead-title = Nicht zugestellte E-Mails
mail-dead-intro = Warnungen und Einladungen, die der Mailserver endgültig abgelehnt hat oder für die alle Zustellversuche ausgeschöpft sind. Beheben Sie die Ursache (eine Adresse, den Server) und senden Sie sie dann erneut.
mail-dead-none = Alle E-Mails wurden zugestellt.
mail-col-queued = Eingereiht
mail-col-to = An
mail-col-subject = Betreff
mail-col-attempts = Versuche
mail-col-last-error = Letzter Fehler
mail-send-again = Erneut senden
areas-customer-intro = Die Aufträge Ihres Unternehmens beim Handelshaus und die von Ihnen angefragten Änderungen.
areas-staff-intro = Aufträge der Kunden, Fortschritt der Fabriken und Änderungsanfragen, die auf eine Entscheidung warten.
areas-company = Unternehmen
areas-city = Ort
areas-colleagues = Kollegen im Portal
areas-export-orders = Meine offenen Aufträge herunterladen (CSV)
areas-all-orders = Alle Aufträge
areas-production = Produktion in den Fabriken
areas-people = Benutzer: Mitarbeiter von Kunden und Fabriken einladen
changes-title = Änderungsanfragen
changes-revision = Revision { $revision } dieses Auftrags.
changes-status-open = Wartet auf eine Entscheidung
changes-status-approved = Genehmigt
changes-status-rejected = Abgelehnt
changes-status-countered = Gegenvorschlag zu beantworten
changes-status-accepted = Gegenvorschlag angenommen
changes-status-declined = Gegenvorschlag abgelehnt
changes-status-withdrawn = Zurückgezogen
changes-asked-by = angefragt von { $name }
changes-note = Notiz: { $note }
changes-house-answer = Antwort des Handelshauses: { $answer }
changes-decide-link = Über diese Anfrage entscheiden
changes-accept-counter = Gegenvorschlag annehmen
changes-decline = Ablehnen
changes-withdraw = Diese Anfrage zurückziehen
changes-col-change = Änderung
changes-col-now = Bisher
changes-col-asked = Angefragt
changes-col-counter = Gegenvorschlag
changes-as-asked = wie angefragt
changes-inbox-empty = Keine Änderungsanfrage wartet.
changes-col-request = Anfrage
changes-col-order = Auftrag
changes-col-customer = Kunde
changes-col-waiting-for = Wartet auf
changes-col-age = Alter
changes-col-changes = Änderungen
changes-waiting-us = Uns
changes-waiting-customer = Den Kunden
changes-age = { $days ->
    [0] heute
    [one] 1 Tag
   *[other] { $days } Tage
}
changes-request-title = Änderungsanfrage
changes-back = ← Alle Änderungsanfragen
changes-not-found = Änderungsanfrage nicht gefunden
changes-request-heading = Änderungsanfrage { $number }
changes-order = Auftrag
changes-customer-note = Notiz des Kunden: { $note }
changes-our-answer = Unsere Antwort: { $answer }
changes-impact = Auswirkungen
changes-factories = Positionen der Fabriken, die sich ändern und bestätigt werden müssen: { $lines }
changes-conflicts-title = Konflikte mit dem aktuellen Stand des Auftrags
changes-conflicts-hint = Solange diese bestehen, kann der Auftrag die Änderung nicht wie angefragt übernehmen: Lehnen Sie sie mit einer Notiz ab oder machen Sie einen Gegenvorschlag.
changes-decision = Entscheidung
changes-decide = Entscheiden
changes-approve = Wie angefragt genehmigen
changes-counter = Gegenvorschlag machen (tragen Sie Ihre Werte unten ein)
changes-reject = Ablehnen (geben Sie unten die Begründung an)
changes-counter-quantity = Menge im Gegenvorschlag
changes-counter-value = Wert im Gegenvorschlag (angefragt: { $asked })
changes-new-unit-price = Stückpreis der neuen Position
changes-hs-code = Zolltarifnummer (HS)
changes-answer-label = Nachricht oder Begründung für den Kunden
changes-send-decision = Entscheidung senden
err-order-stale = Jemand hat diesen Auftrag geändert, seit Sie ihn geöffnet haben. Laden Sie die Seite neu, um die Änderung zu sehen, und versuchen Sie es dann erneut.
err-closed = { $action } ist nicht möglich, solange der Auftrag den Status „{ $status }“ hat.
err-action-edit-order = Das Ändern des Auftrags
err-action-place-po = Das Erteilen einer Bestellung
err-action-record-payment = Das Erfassen einer Zahlung
err-action-move-shipment = Das Aktualisieren des Sendungsstatus
err-action-plan-shipment = Das Planen einer Sendung
err-action-change-shipment = Das Ändern einer Sendung
err-status-inquiry = Anfrage
err-status-quoted = angeboten
err-status-confirmed = bestätigt
err-status-in_production = in Produktion
err-status-ready = versandbereit
err-status-shipped = versandt
err-status-arrived = angekommen
err-status-settled = abgerechnet
err-status-cancelled = storniert
err-desk-one-line = Ein Auftrag behält mindestens eine Position.
err-desk-frozen = Steht seit der Bestätigung des Auftrags fest; bitten Sie den Kunden um eine Änderungsanfrage.
err-no-such-line = Diese Position gibt es in diesem Auftrag nicht.
err-line-twice = Diese Position steht zweimal im Formular.
err-choose-factory = Wählen Sie eine Fabrik.
err-line-not-on-order = Position { $line } steht nicht in diesem Auftrag.
err-line-already-placed = Position { $line } steht bereits in { $po }.
err-choose-line = Wählen Sie mindestens eine Position.
err-choose-customer = Wählen Sie einen Kunden.
err-add-line = Fügen Sie mindestens eine Position hinzu.
err-change-already-answered = Jemand anderes hat diese Änderungsanfrage bereits beantwortet. Laden Sie die Seite neu, um die Entscheidung zu sehen.
err-change-one-pending = Zu diesem Auftrag wartet bereits eine Änderungsanfrage auf Antwort; ziehen Sie sie zurück oder warten Sie zuerst die Antwort ab.
err-change-choose-decision = Wählen Sie Genehmigen, Ablehnen oder Gegenvorschlag.
err-answer-too-long = Die Antwort darf höchstens { $max } Zeichen lang sein.
err-reject-needs-reason = Nennen Sie dem Kunden einen Grund für die Ablehnung.
err-counter-changes-nothing = Ein Gegenvorschlag ändert mindestens einen Wert; um wie angefragt zuzustimmen, genehmigen Sie die Anfrage.
err-cancel-as-is = Eine Stornierung wird so genehmigt oder abgelehnt, wie sie ist.
err-new-line-price = Geben Sie den Stückpreis der neuen Position { $product } an, z. B. 12.50.
err-change-order-moved = Der Auftrag hat sich geändert, seit Sie ihn geöffnet haben. Laden Sie die Seite neu, um die Änderung zu sehen, und stellen Sie die Anfrage dann erneut.
err-change-already-acknowledged = Diese Änderung wurde bereits bestätigt.
err-factory-reported-meanwhile = Die Fabrik hat soeben eine Meldung zu diesem Auftrag abgegeben. Laden Sie die Seite neu, um die Meldung zu sehen, und entscheiden Sie dann erneut.
err-choose-role = Wählen Sie eine Rolle.
err-email-taken = Für diese E-Mail-Adresse gibt es bereits ein Konto.
err-deactivate-self = Sie können Ihr eigenes Konto nicht deaktivieren.
err-choose-staff-level = Wählen Sie eine der Mitarbeiterstufen.
err-link-not-needed = Dieser Link wird nicht mehr benötigt: Die Person hat inzwischen ein Passwort festgelegt oder wurde deaktiviert.

## Vertragsbedingungen in Worten, die Auftragsstufen, das Markenzeichen
terms-words-deposit = Anzahlung { $percent } des Gesamtbetrags
terms-words-balance = Restzahlung: { $balance }
terms-words-latest-shipment = Späteste Verschiffung { $date }
terms-words-penalty = Vertragsstrafe bei Lieferverzug { $percent } des Gesamtbetrags pro Tag
balance-lc_usance-days = Akkreditiv, { $days } Tage nach Vorlage
stage-timeline-label = Auftragsstufen
layout-brand-mark = TP
credit-reason-no-history = Noch keine Zahlungshistorie: neutral { $score }.
credit-reason-paid-late = Im Schnitt { $days } Tage verspätet bezahlt (−{ $points }).
credit-reason-overdue = { $amount } überfällig, die älteste seit { $days } Tagen; { $share } der Historie (−{ $points }).
credit-reason-set-by-house = Vom Handelshaus auf { $score } gesetzt.

## Wie Zahlen, Beträge und Daten geschrieben werden
format-group-separator = .
format-decimal-separator = ,
format-money = { $amount } { $currency }
format-date = { $day }.{ $month }.{ $year }
format-date-time = { $date }, { $time }
err-unknown-choice = Bitte wählen Sie eine der angebotenen Optionen.

## Änderungsanfragen in Worten, ihre Status und die Antworten abgelehnter Anfragen
cr-words-quantity = Position { $line }: Menge
cr-words-description = Position { $line }: Beschreibung
cr-words-date = Position { $line }: Liefertermin
cr-words-ship-to = Lieferanschrift
cr-words-new-line = Neue Position
cr-words-new-line-priced = { $product } × { $quantity } { $unit }, bis { $date }, zu je { $amount }
cr-words-new-line-unpriced = { $product } × { $quantity } { $unit }, bis { $date }
cr-words-cancelled = Position { $line } storniert
cr-words-summary-added = { $what }: { $to }
cr-words-summary-removed = { $what } (bisher { $from })
cr-words-summary-changed = { $what }: { $from } → { $to }
cr-words-not-yours = Darüber entscheiden nicht Sie.
cr-words-no-longer-open = Diese Änderungsanfrage ist nicht mehr offen ({ $status ->
    [open] wartet auf eine Entscheidung
    [approved] genehmigt
    [rejected] abgelehnt
    [countered] Gegenvorschlag zu beantworten
    [accepted] Gegenvorschlag angenommen
    [declined] Gegenvorschlag abgelehnt
   *[withdrawn] zurückgezogen
}).
cr-words-closed-now = { $problem } (Der Auftrag ist jetzt { $status ->
    [inquiry] eine Anfrage
    [quoted] angeboten
    [confirmed] bestätigt
    [in_production] in Produktion
    [ready] versandbereit
    [shipped] versandt
    [arrived] angekommen
    [settled] abgerechnet
   *[cancelled] storniert
}.)
cr-words-keeps-a-line = Ein Auftrag behält mindestens eine Position.
cr-words-ship-to-moved = Die Lieferanschrift hat sich seit der Anfrage geändert (jetzt: { $address }).
cr-words-new-line-date-passed = Der Termin { $date } der neuen Position ist bereits verstrichen.
cr-words-new-line-needs-price = Die neue Position { $product } braucht einen Stückpreis und eine Zolltarifnummer (HS).
cr-words-line-gone = Position { $line } ist nicht mehr im Auftrag.
cr-words-quantity-moved = Die Menge von Position { $line } ist jetzt { $quantity }, nicht { $was } wie bei der Anfrage.
cr-words-description-moved = Die Beschreibung von Position { $line } hat sich seit der Anfrage geändert.
cr-words-date-moved = Der Liefertermin von Position { $line } ist jetzt { $date }, nicht { $was } wie bei der Anfrage.
cr-words-date-passed = Der neue Termin { $date } von Position { $line } ist bereits verstrichen.
cr-words-line-moved = Position { $line } hat sich seit der Anfrage geändert.
cr-words-impact-new-specification = Die Fabrik muss die neue Spezifikation bestätigen.
cr-words-impact-date-late = { $days ->
    [one] Die Fabrik rechnet mit { $date }, einen Tag nach dem neuen Termin { $to }: Die neue Zusage wäre von Anfang an verspätet.
   *[other] Die Fabrik rechnet mit { $date }, { $days } Tage nach dem neuen Termin { $to }: Die neue Zusage wäre von Anfang an verspätet.
}
cr-words-impact-date-fits = Die Fabrik rechnet mit { $date }; das passt zum neuen Termin { $to }.
cr-words-impact-unplaced = Noch keine Fabrik hat diese Position; der neue Termin gilt, sobald sie vergeben wird.
cr-words-impact-no-forecast = Die Fabrik hat noch keine Prognose abgegeben.
cr-words-impact-below-made = Die Fabrik hat bereits { $done } gefertigt; weniger ist nicht möglich.
cr-words-impact-more = Die Fabrik muss { $count } mehr fertigen; sie bestätigt die Änderung und kann eine neue Prognose abgeben.
cr-words-impact-fewer = Die Fabrik fertigt weniger.
cr-words-impact-cancel-made = Die Fabrik hat bereits { $done } gefertigt; diese werden ebenfalls storniert.
cr-words-impact-cancelled = Die Fabrikposition wird storniert.
cr-words-factory-line = { $po }, Position { $line } ({ $supplier }) für Position { $order_line }
api-error-not-found = Nicht gefunden.
api-error-unauthenticated = Bitte melden Sie sich an.
api-error-forbidden = Dazu sind Sie nicht berechtigt.
api-error-invalid = Bitte prüfen Sie Ihre Eingaben: { $problem }
api-error-rate-limited = { $minutes ->
    [one] Zu viele Versuche. Bitte warten Sie zu Ihrer Sicherheit eine Minute und versuchen Sie es dann erneut.
   *[other] Zu viele Versuche. Bitte warten Sie zu Ihrer Sicherheit { $minutes } Minuten und versuchen Sie es dann erneut.
}
api-error-unavailable = Das Portal konnte dies gerade nicht abschließen. Bitte versuchen Sie es erneut.
api-error-transport = Das Portal war nicht erreichbar: { $problem }
api-error-unknown-status = Unbekannter Status.
orders-range-backwards = Das Ende des Zeitraums liegt vor seinem Anfang.
api-error-no-such-step = Ein Auftrag kann nicht von „{ $from }“ zu „{ $to }“ wechseln.
api-error-not-your-step = Sie dürfen einen Auftrag nicht von „{ $from }“ zu „{ $to }“ verschieben.
api-answer-reset-requested = Falls ein aktives Konto diese Adresse verwendet, haben wir ihm einen Link zum Festlegen eines neuen Passworts gesendet. Der Link funktioniert einmal und ist 30 Minuten lang gültig.
## Refusals of typed input (order lines, terms, accounts, quotations)
input-enter = Geben Sie { $what } ein.
input-too-long = Verwenden Sie für { $what } höchstens { $max } Zeichen.
input-what-product-code = die Artikelnummer
input-what-description = die Beschreibung
input-what-product = die Produktbeschreibung
input-what-unit = die Einheit
input-what-port = den Hafen
input-what-destination = den Bestimmungshafen oder -ort
input-what-payment-terms = die Zahlungsbedingungen
input-what-ship-to = die Lieferanschrift
input-what-carrier = die Reederei
input-what-vessel = das Schiff oder den Flug
input-what-bank-reference = die Bankreferenz
input-currency-unknown = Unbekannte Währung { $given }; verwenden Sie eine von { $choices }.
input-incoterm-unknown = Unbekannter Incoterm { $given }; verwenden Sie einen von { $choices }.
input-hs-code = Eine Zolltarifnummer hat 6, 8 oder 10 Ziffern, z. B. 8516.71.
input-quantity-not-positive = Die Menge muss größer als null sein.
input-quantity-too-large = Diese Menge ist zu groß.
input-quantity-unreadable = Geben Sie die Menge als ganze Zahl ein, z. B. 1200.
input-unit-price = Geben Sie den Stückpreis wie 12.50 ein.
input-requested-past = Der Wunschtermin kann nicht in der Vergangenheit liegen.
input-amount-unreadable = Geben Sie den Betrag wie 1250.00 ein.
input-usance-days = Geben Sie das Zahlungsziel in ganzen Tagen von 1 bis { $max } an.
input-balance-choose = Wählen Sie, wann der Restbetrag fällig ist.
input-deposit-unreadable = Geben Sie die Anzahlung als Prozentsatz an, z. B. 30 oder 12.5.
input-deposit-negative = Die Anzahlung kann nicht negativ sein.
input-deposit-decimals = Verwenden Sie für die Anzahlung höchstens zwei Nachkommastellen, z. B. 12.25.
input-deposit-too-high = Die Anzahlung kann höchstens 100 % betragen.
input-ready-by-past = Der Fertigstellungstermin kann nicht in der Vergangenheit liegen.
input-ready-by-after-commitment = Position { $line } ist dem Kunden für den { $date } zugesagt; die Fabrik muss bis dahin fertig sein.
input-container-no = Eine Containernummer besteht aus vier Buchstaben und sieben Ziffern, z. B. MSCU1234567.
input-transport-document = Geben Sie die B/L- oder Frachtbriefnummer ein: 4 bis 40 Buchstaben, Ziffern oder Bindestriche.
input-departure-too-far = Das Abfahrtsdatum liegt mehr als 60 Tage in der Zukunft; erfassen Sie die Sendung, sobald sie gebucht ist.
input-arrival-before-departure = Das Ankunftsdatum liegt vor dem Abfahrtsdatum.
input-amount-not-positive = Der Betrag muss größer als null sein.
input-payment-future = Eine Zahlung kann nicht in der Zukunft eingegangen sein.
input-payment-above-owed = Das ist mehr als der offene Betrag von { $amount } auf diesem Auftrag.
input-email-empty = Geben Sie eine E-Mail-Adresse ein.
input-email-no-at = Eine E-Mail-Adresse braucht ein @, z. B. name@example.com.
input-email-malformed = Das sieht nicht nach einer E-Mail-Adresse aus (name@example.com).
input-password-too-short = Verwenden Sie mindestens { $min } Zeichen (bisher { $so_far }); ein kurzer Satz eignet sich gut.
input-password-too-long = Verwenden Sie höchstens { $max } Zeichen.
input-name-empty = Geben Sie einen Namen ein.
input-name-too-long = Verwenden Sie für den Namen höchstens { $max } Zeichen.
input-name-control = Der Name darf keine Steuerzeichen enthalten.
input-quote-overflow = Die Beträge sind zu groß für eine Berechnung; prüfen Sie Mengen und Preise.
input-quote-not-allowed = Das Angebot ist { $status }; es kann jetzt nicht { $step } werden.
input-quote-is-draft = ein Entwurf
input-quote-is-in_approval = in Freigabe
input-quote-is-approved = freigegeben
input-quote-is-sent = an den Kunden gesendet
input-quote-is-accepted = angenommen
input-quote-is-declined = abgelehnt
input-quote-is-expired = abgelaufen
input-quote-is-withdrawn = zurückgezogen
input-quote-is-superseded = durch eine neuere Revision ersetzt
input-quote-step-submitted = eingereicht
input-quote-step-approved = freigegeben
input-quote-step-sent-back = zurückgegeben
input-quote-step-sent = gesendet
input-quote-step-accepted = angenommen
input-quote-step-declined = abgelehnt
input-quote-step-withdrawn = zurückgezogen
input-quote-step-revised = überarbeitet
input-quote-expired = Das Angebot galt bis { $date }; es kann nicht mehr angenommen oder gesendet werden.
input-quote-stale-revision = Revision { $revision } wurde durch Revision { $current } ersetzt; nur die neueste Revision kann angenommen werden.
input-quote-unknown-revision = Dieses Angebot hat keine Revision { $revision }.
input-quote-line-factory = Position { $line }: Wählen Sie die Fabrik.
input-quote-line-purchase = Position { $line }: Geben Sie den Preis der Fabrik an.
input-quote-line-selling = Position { $line }: Geben Sie den Verkaufspreis an.
input-approval-no-step = Diesen Freigabeschritt gibt es nicht.
input-approval-decided = Dieser Schritt wurde bereits entschieden.
input-approval-closed = Dieses Angebot wurde bereits zurückgegeben; es braucht eine neue Revision.
input-approval-not-current = Eine frühere Freigabe ist noch offen; dieser Schritt folgt danach.
input-approval-comment-needed = Sagen Sie, warum Sie ablehnen, damit der Vertrieb weiß, was zu ändern ist.
