# The portal's words in English. Keys are shared with zh/portal.ftl; a unit
# test checks that both files have exactly the same keys.

language-name = English

## Navigation
nav-my-orders = My orders
nav-my-purchase-orders = My purchase orders
nav-sales-desk = Sales desk
nav-orders = Orders
nav-production = Production
nav-people = People
nav-account = Account
nav-sign-out = Sign out

## Supplier area
supplier-title = My purchase orders
supplier-intro = The purchase-order lines assigned to your factory. Post progress as it happens: it takes seconds.
supplier-search = Search PO or product
supplier-show = Show
supplier-show-open = Open lines
supplier-show-late = Late lines
supplier-show-stale = Waiting for an update
supplier-show-done = Ready and shipped
supplier-none = No lines match.
supplier-loading = Loading lines…
supplier-line = Line { $line }
supplier-quantity = Quantity
supplier-done = Done
supplier-milestone = Milestone
supplier-ready-by = Ready by
supplier-forecast = Forecast
supplier-update = Update
supplier-late = Late
supplier-stale = No update for { $days } days
supplier-factory = Factory
supplier-bulk-title = Several lines of one PO at once
supplier-bulk-hint = Tick lines of one purchase order, choose the milestone they reached, and apply.
supplier-bulk-apply = Apply to ticked lines
supplier-bulk-done = { $count ->
    [one] One line updated.
   *[other] { $count } lines updated.
}
supplier-back = ← All my lines
supplier-post-title = Post progress
supplier-quantity-done = Quantity done
supplier-lot = Ready in this lot (partial delivery)
supplier-new-forecast = Forecast ready date
supplier-reason = Reason (needed when the date moves later, a milestone goes back or the quantity falls)
supplier-note = Note for the trading house (not shown to the customer)
supplier-post = Post update
supplier-posted = Update posted.
supplier-history = History
supplier-history-empty = No updates yet.
supplier-committed = Committed ready date
supplier-closed = This line is closed.

## Milestones
milestone-not_started = Not started
milestone-materials_in = Materials in
milestone-in_production = In production
milestone-qc_passed = QC passed
milestone-packed = Packed
milestone-ready_to_ship = Ready to ship
milestone-shipped = Shipped

## Progress rules
progress-closed = This line is closed (shipped or cancelled); it takes no more updates.
progress-more-than-ordered = Only { $ordered } were ordered; the quantity done cannot be more.
progress-negative = The quantity done cannot be negative.
progress-quantity-backwards = The quantity done was { $was }; give a reason to lower it.
progress-milestone-backwards = The line was at “{ $was }”; give a reason to step back.
progress-forecast-past = The forecast ready date cannot be in the past.
progress-later-needs-reason = The forecast moves later than { $was }; give a reason.
progress-shipped-incomplete = Only a line done in full can be shipped ({ $done } of { $ordered } done).
progress-bad-lot = A lot must be above zero and at most the quantity done.
progress-reason-too-long = Keep the reason under 500 characters.
progress-note-too-long = Keep the note under 2000 characters.
progress-bad-number = Enter a whole number, like 1200.
progress-bad-date = Enter a date like 2027-03-31.
progress-unknown-milestone = Choose a milestone from the list.
progress-stale = Someone updated this line since you opened it. Reload to see the change, then try again.
progress-one-po = Choose lines of one purchase order.
progress-no-lines = Tick at least one line.
progress-too-many-lines = Report on at most { $count } lines at once.
search-too-long = Search for at most 100 characters.
progress-line-problem = Line { $line }: { $problem }

## Mail
digest-subject = { $count ->
    [one] Your daily alert digest: one alert
   *[other] Your daily alert digest: { $count } alerts
}
digest-intro = Hello { $name }, here is what happened since your last digest.

## Change requests
change-ack-title = Changes to acknowledge
change-ack-intro = The customer's order changed; please confirm you have seen each change, and give a new forecast on the line if your dates move.
change-ack-line = { $po } line { $line } ({ $product })
change-ack-quantity = Quantity: { $from } → { $to }
change-ack-description = Specification: { $from } → { $to }
change-ack-ready = Ready by: { $from } → { $to }
change-ack-cancelled = This line is cancelled; stop work on it.
change-ack-button = Acknowledge
change-ack-done = Acknowledged
change-decision-open = received
change-decision-approved = approved
change-decision-rejected = rejected
change-decision-countered = answered with a counter-proposal
change-decision-accepted = changed as in the counter-proposal you accepted
change-decision-declined = closed (counter-proposal declined)
change-decision-withdrawn = withdrawn

## Scorecard
scorecard-title = My scorecard (last 90 days)
scorecard-on-time = Ready on time
scorecard-days-late = Average days late
scorecard-fresh = Open lines with a recent report
scorecard-acknowledgement = Time to acknowledge a change
scorecard-definition = On time: lines first reported ready by the committed ready date. A recent report: within the reminder window. Only your own lines count.
