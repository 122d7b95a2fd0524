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
nav-inquiries = Inquiries
nav-quotations = Quotations
nav-approvals = Approvals
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

## Inquiries and quotations
quote-status-draft = Draft
quote-status-in_approval = In approval
quote-status-approved = Approved
quote-status-sent = Sent
quote-status-accepted = Accepted
quote-status-declined = Declined
quote-status-expired = Expired
quote-status-withdrawn = Withdrawn
quote-status-superseded = Replaced by a later revision
inquiry-status-open = Waiting for a quotation
inquiry-status-quoted = Quoted
inquiry-status-closed = Closed
staff-level-sales = Sales
staff-level-sales_manager = Sales manager
staff-level-cost_accountant = Cost accountant
staff-level-commercial_director = Commercial director
balance-before_shipment = Before shipment
balance-against_bl_copy = Against a copy of the bill of lading
balance-lc_at_sight = Letter of credit at sight
balance-lc_usance = Letter of credit with usance
quote-ref = { $number } · revision { $revision }
quote-loading = Loading…
inquiries-title = Inquiries and quotations
inquiries-intro = Ask the trading house for a quotation. Its quotation shows here once it is sent to you.
inquiries-none = No inquiries yet.
inquiry-col-number = Inquiry
inquiry-col-customer = Customer
inquiry-col-date = Asked
inquiry-col-status = Status
inquiry-col-destination = Destination
inquiry-col-lines = Products
inquiry-col-quotation = Quotation
new-inquiry-title = New inquiry
new-inquiry-intro = Name the products you need; leave the rows you do not need empty.
new-inquiry-destination = Destination port or city
new-inquiry-incoterm = Incoterm
new-inquiry-currency = Currency
new-inquiry-requested = Requested delivery date
new-inquiry-products = Products
new-inquiry-line = Product { $line }
new-inquiry-note = Note for the trading house
new-inquiry-send = Send the inquiry
new-inquiry-sent = Inquiry sent. The trading house will prepare a quotation.
line-product-code = Product code
line-description = Description / specification
line-quantity = Quantity
line-unit = Unit
line-target-price = Target price
line-hs-code = HS code
line-requested = Requested date
line-factory = Factory
line-purchase-price = Purchase price
line-lead-time = Lead time (days)
line-selling-price = Selling price
quote-page-title = Quotation
quote-back-inquiries = ← Inquiries and quotations
quote-back-staff = ← Inquiries and quotations
quote-not-found = Quotation not found
quote-title = Quotation { $number }
quote-revision = Revision { $revision }
quote-valid-until = Valid until
quote-incoterm = Delivery
quote-latest-shipment = Latest shipment
quote-terms = Terms
quote-lines = Lines
quote-line = Line { $line }
quote-line-new = New line (optional)
quote-col-number = Quotation
quote-col-revision = Revision
quote-col-customer = Customer
quote-col-status = Status
quote-col-product = Product
quote-col-quantity = Quantity
quote-col-requested = Requested
quote-col-unit-price = Unit price
quote-col-total = Total
quote-col-margin = Margin
quote-col-waiting = Waiting for
quote-your-turn = your turn
quote-total = Total:
quote-note = Note:
quote-answer-hint = Accepting makes this quotation a confirmed order on these terms.
quote-accept = Accept the quotation
quote-decline = Decline
quote-accepted = You accepted this quotation; it is now an order.
quote-declined = You declined this quotation.
quote-open-order = Open the order
quote-inquiry = Inquiry
quote-open-inquiry = Open the inquiry
quote-order = Order
quote-form-title = Terms and lines
quote-save = Save the draft
quote-saved = Saved.
quote-submit = Submit for approval
quote-submit-hint = Save your changes before you submit: the approvers see the quotation as saved.
quote-send = Send to the customer
quote-revise = Make a new revision
quote-withdraw = Withdraw
revisions-title = Revisions
staff-inquiries-title = Inquiries and quotations
staff-inquiries-heading = Inquiries
staff-quotations-heading = Quotations
quotations-none = No quotations yet.
inquiry-page-title = Inquiry
inquiry-back = ← Inquiries and quotations
inquiry-not-found = Inquiry not found
inquiry-title = Inquiry { $number }
inquiry-asked-by = Asked by
inquiry-note = Note from the customer:
inquiry-prepare = Prepare a quotation
inquiry-quotations = Quotations for this inquiry
terms-currency = Currency
terms-valid-until = Valid until
terms-incoterm = Incoterm
terms-port = Port
terms-latest-shipment = Latest shipment
terms-deposit = Deposit (%)
terms-balance-due = Balance due
terms-usance-days = Usance (days, letter of credit with usance only)
terms-penalty = Late-delivery penalty per day (%)
terms-note = Note for the customer
credit-title = The customer's credit
credit-score = Score
credit-set-by-house = (set by the house)
credit-computed = From the payment record
credit-threshold = Threshold
credit-required-deposit = Deposit required
credit-reasons = Why
figures-title = Figures
figures-revenue = Revenue
figures-cost = Cost
figures-margin = Margin
figures-margin-percent = Margin %
approvals-title = Approvals
approvals-none = Approvals are set when the quotation is submitted.
approval-col-level = Level
approval-col-reason = Why
approval-col-due = Due
approval-col-decided = Decided by
approval-col-result = Result
approval-col-comment = Comment
approval-approved = Approved
approval-rejected = Rejected
approval-pending = Waiting
approval-comment = Comment (needed to reject: say what to change)
approval-approve = Approve
approval-reject = Reject
approvals-inbox-title = Waiting for my approval
approvals-inbox-intro = Quotations whose next approval step is yours.
approvals-inbox-none = Nothing is waiting for your approval.

confirmation-title = Order confirmation
confirmation-none = This order was entered directly, not made from an accepted quotation, so it has no confirmation of agreed terms.
confirmation-print = Print
confirmation-customer = Customer
confirmation-quotation = Quotation accepted
confirmation-accepted = Accepted on
confirmation-ship-to = Ship to
confirmation-latest-shipment = Latest shipment
confirmation-col-line = Line
confirmation-col-product = Product
confirmation-col-quantity = Quantity
confirmation-col-price = Unit price
confirmation-col-committed = Delivery date
confirmation-terms = Agreed terms
confirmation-schedule = Payment schedule
confirmation-col-instalment = Instalment
confirmation-col-amount = Amount
confirmation-col-due = Due
confirmation-kind-deposit = Deposit
confirmation-kind-balance = Balance
confirmation-due-bl_issued = { $days ->
    [0] On the bill of lading date
   *[other] { $days } days after the bill of lading date
}
confirmation-due-documents_presented = { $days ->
    [0] When the documents are presented under the letter of credit
   *[other] { $days } days after the documents are presented
}
