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
supplier-more = Show more lines
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
supplier-history-older = Older reports
supplier-history-newest = Newest reports
supplier-history-older-page = Earlier reports, newest first.
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
progress-unknown-milestone = Choose a milestone from the list.
progress-stale = Someone updated this line since you opened it. Reload to see the change, then try again.
progress-one-po = Choose lines of one purchase order.
progress-no-lines = Tick at least one line.
progress-too-many-lines = Report on at most { $count } lines at once.
search-too-long = Search for at most 100 characters.
progress-line-problem = Line { $line }: { $problem }

## Dates and periods typed on any form
date-unreadable = Enter a date like 2027-03-31, between 2000 and 2100.
date-past = The date cannot be in the past.
kpi-period-reversed = The period starts after it ends.
kpi-period-too-long = Choose a period of at most ten years.

## New passwords: refusals and the strength hint under the field
password-common = This password is on a list of common and breached passwords, where guessing starts. Choose another: a short sentence of your own works well.
password-personal = Leave your name and your e-mail address out of the password.
password-repetitive = Avoid runs and repeats such as aaaa, 1234, qwerty or abcabc.
password-strength-weak = Weak: easy to guess. A longer sentence of your own would help.
password-strength-fair = Fair: a few more words would make it strong.
password-strength-strong = Strong: hard to guess.

## Limits on requests: writes too fast, too many live pages, a slow answer
rate-limited = { $minutes ->
    [one] You are sending changes faster than the portal takes them. Please wait a minute and try again.
   *[other] You are sending changes faster than the portal takes them. Please wait { $minutes } minutes and try again.
}
live-too-many-streams = You have too many portal pages open with live updates. Close some, then reload this one.
request-timed-out = The portal took too long to answer. Please try again.

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
change-factory-made = Line { $line }: the factory has already made { $done }; the quantity cannot go below that.
change-production-too-far = Line { $line }: production has gone too far to take this quantity; the house will come back to you.
change-changed-since = The order changed since this change was asked for, so it cannot be applied as it stands: { $problem }
change-counter-does-not-fit = The order could not take this counter-proposal: { $problem }
change-moved-meanwhile = The order changed a moment ago. Reload to see the change, then try again.

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

## HS codes
hs-code-empty = Enter the HS code, like 6109.10.
hs-code-too-long = An HS code is at most { $max } characters, like 6109.10.00.90.
hs-code-bad-character = An HS code has only digits, with dots or spaces between the groups, like 6109.10.00.
hs-code-too-short = An HS code has at least 6 digits; this one has { $digits }.
hs-code-odd-length = An HS code has 6, 8 or 10 digits; this one has { $digits }.
hs-code-too-many-digits = An HS code has at most 10 digits; this one has { $digits }.
hs-code-bad-grouping = Put dots or spaces only between the groups of an HS code, like 6109.10.00.90.
hs-code-unknown-chapter = There is no HS chapter { $chapter }; chapters run from 01 to 97.
hs-code-reserved-chapter = HS chapter 77 is reserved; no goods are classified in it.

## Shipping documents
document-proforma_invoice = Proforma invoice
document-commercial_invoice = Commercial invoice
document-packing_list = Packing list
document-bill_of_lading = Bill of lading
document-certificate_of_origin = Certificate of origin
document-inspection_certificate = Inspection certificate
document-insurance_certificate = Insurance certificate
document-state-required = To obtain
document-state-received = Received
document-state-sent = Sent
document-state-already-sent = This document has been sent; its status cannot change any more.
document-state-not-received = { $document } comes from outside the house: record it as received before sending it.
document-state-not-forward = A document only moves forward; it cannot go from “{ $from }” to “{ $to }”.

## Checks before customs
check-bad-hs-code = Line { $line }: the HS code “{ $code }” is not valid. { $problem }
check-nothing-shipped = The shipment carries nothing yet.
check-not-on-order = Line { $line } is shipped but is not on the order.
check-bad-quantity = Line { $line }: the quantity shipped must be above zero, not { $quantity }.
check-ships-more-than-ordered = Line { $line }: { $shipping } are shipping, but only { $left } are left to ship.
check-invoice-missing = The commercial invoice is missing.
check-packing-list-missing = The packing list is missing.
check-line-missing-from = { $document }: line { $line } is shipped but not listed.
check-line-not-shipped = { $document }: line { $line } is listed but not shipped.
check-qty-differs = { $document }, line { $line }: the quantity is { $document_qty }, but { $shipment_qty } are shipped.
check-description-differs = { $document }, line { $line }: the description “{ $document_text }” differs from the order's “{ $order_text }”.
check-hs-code-differs = { $document }, line { $line }: the HS code “{ $document_code }” differs from the order's { $order_code }.
check-amount-missing = Commercial invoice, line { $line }: the amount is missing.
check-amount-differs = Commercial invoice, line { $line }: the amount is { $amount }, but the quantity at the order's price comes to { $expected }.
check-total-missing = The commercial invoice states no total.
check-total-differs = The commercial invoice total is { $total }, but its lines add up to { $sum }.

## Customs and voyage
customs-status-not_declared = Not declared
customs-status-declared = Declared
customs-status-inspected = Inspected
customs-status-released = Released
customs-status-held = Held
customs-already-released = Customs has released the goods; the customs status cannot change any more.
customs-not-allowed = The customs status cannot go from “{ $from }” to “{ $to }”.
shipment-stage-planned = Planned
shipment-stage-departed = Departed
shipment-stage-arrived = Arrived
voyage-out-of-range = Enter a date between 2000-01-01 and 2100-12-31.
voyage-eta-before-departure = The ETA is before the departure on { $date }.
voyage-ata-before-atd = The arrival is before the departure on { $date }.
voyage-ata-without-atd = Record the departure (ATD) before the arrival.
voyage-atd-in-future = The actual departure cannot be in the future.
voyage-ata-in-future = The actual arrival cannot be in the future.
shipment-qty-not-positive = The quantity shipped must be above zero.
shipment-qty-nothing-left = Other shipments already carry all of this line.
shipment-qty-more-than-left = Only { $left } of this line are left to ship.

## Payments
payment-status-scheduled = Date to follow
payment-status-due = Due
payment-status-due-soon = Due soon
payment-status-overdue = { $days ->
    [one] One day overdue
   *[other] { $days } days overdue
}
payment-status-part-paid = Part paid
payment-status-paid = Paid
payment-allocation-not-positive = The amount received must be above zero.
payment-allocation-unknown-instalment = Choose an instalment of this order.
payment-allocation-more-than-owed = That is more than the { $amount } still owed.

## Letters of credit
lc-empty = Fill in this field.
lc-too-long = Use at most { $max } characters.
lc-bad-characters = Keep this on one line, without control characters.
lc-unknown-currency = Choose one of the portal's currencies.
lc-bad-amount = Enter the amount like 12500.00.
lc-amount-not-positive = The amount must be above zero.
lc-bad-tolerance = Enter the tolerance as a percentage from 0 to 10, like 5.
lc-bad-date = Enter a date like 2027-03-31, between 2000 and 2100.
lc-shipment-after-expiry = The latest shipment date cannot be after the expiry.
lc-bad-presentation-days = Enter the presentation period as whole days from 1 to 90.
lc-risk-clear = On time for the latest shipment date
lc-risk-at-risk = { $days ->
    [0] At risk: no day to spare before the latest shipment date
    [one] At risk: one day to spare before the latest shipment date
   *[other] At risk: { $days } days to spare before the latest shipment date
}
lc-risk-will-miss = { $days ->
    [one] Will miss the latest shipment date by one day
   *[other] Will miss the latest shipment date by { $days } days
}
lc-risk-expired = The letter of credit has expired
lc-currency-differs = The invoice is in { $invoice }, but the letter of credit is in { $credit }.
lc-amount-above-tolerance = The invoice is for { $amount }, more than the { $max } the letter of credit allows.
lc-shipped-late = The goods shipped on { $date }, after the latest shipment date, { $latest }.
lc-partial-not-allowed = The letter of credit does not allow part shipments.
lc-transhipment-not-allowed = The letter of credit does not allow transhipment.
lc-description-differs = The invoice does not carry the goods description of the letter of credit.
lc-presented-late = The last day to present the documents was { $date }.
lc-expired = The letter of credit expired on { $date }.

## Files
upload-empty = The file is empty.
upload-too-large = The file is too large; the limit is { $size }.
upload-too-many = This record already has { $max } files, the most it can hold.
upload-type-not-accepted = This type of file is not accepted. Upload a PDF, a picture (PNG, JPEG, WebP, GIF), an Excel or Word file, or plain text or CSV.

## Shipping, documents and payment (the panel on the order page)
shipping-title = Shipping, documents and payment
shipping-loading = Loading shipments…
shipping-nothing-yet = Nothing has been shipped, invoiced or paid on this order yet.
shipping-upload-failed = The file could not be uploaded. Please try again.
shipping-shipments = Shipments
shipping-no-shipments = No shipment is planned yet.
shipping-shipment-heading = Shipment { $number }
shipping-booking = Booking no.
shipping-carrier = Carrier
shipping-vessel = Vessel / voyage
shipping-bl = B/L no.
shipping-pol = Port of loading
shipping-pod = Port of discharge
shipping-etd = ETD (departure planned)
shipping-atd = ATD (departed)
shipping-eta = ETA (arrival expected)
shipping-ata = ATA (arrived)
shipping-containers = Containers
shipping-no-containers = No containers recorded yet.
shipping-seal = seal
shipping-containers-hint = One container per line: its number, then the seal number and the size, e.g. MSCU1234565 SL778812 40HC.
shipping-col-line = Line
shipping-col-product = Product
shipping-col-description = Description
shipping-col-quantity = Quantity
shipping-col-cartons = Cartons
shipping-col-net = Net kg
shipping-col-gross = Gross kg
shipping-col-volume = m³
shipping-checks = Checks before customs
shipping-checks-ok = Invoice, packing list and order agree: ready for customs.
shipping-override-was = Sent despite the checks. Reason: { $problem }
shipping-override = Why it may leave although the checks found problems
shipping-depart = Mark as departed
shipping-atd-label = Departed on (ATD)
shipping-arrive = Mark as arrived
shipping-ata-label = Arrived on (ATA)
shipping-customs-move = Customs status
shipping-customs-date = Date
shipping-customs-save = Update customs
shipping-customs-to-declared = Declared
shipping-customs-to-inspected = Inspected
shipping-customs-to-released = Released
shipping-customs-to-held = Held
shipping-edit = Change this shipment
shipping-save = Save the shipment
shipping-plan = Plan a shipment
shipping-plan-submit = Plan the shipment
shipping-plan-lines-hint = Quantities start at what is left to ship; set 0 for lines that do not go on this shipment.
shipping-left = { $done } of { $ordered } already on shipments
shipping-documents = Documents
shipping-order-documents = Documents and files of the order
shipping-order-files = Files of the order
shipping-shipment-files = Files of this shipment
shipping-col-document = Document
shipping-col-state = State
shipping-col-number = Number
shipping-col-file = File
shipping-col-date = Updated
shipping-doc-ready = Ready
shipping-doc-pending = In preparation
shipping-make = Make
shipping-make-again = Make again
shipping-mark-sent = Mark as sent to the customer
shipping-by = by { $name }
shipping-schedule = Payment schedule
shipping-schedule-none = This order has no payment schedule; payments count against the order's total.
shipping-col-instalment = Instalment
shipping-col-amount = Amount
shipping-col-due = Due
shipping-col-paid = Paid
shipping-col-status = Status
shipping-overdue-days = { $days ->
    [one] 1 day overdue
   *[other] { $days } days overdue
}
shipping-record-payment = Record a payment
shipping-received-on = Received on
shipping-amount = Amount
shipping-reference = Bank reference
shipping-instalment = For instalment
shipping-match-auto = Match automatically
shipping-pay-submit = Record the payment
shipping-lc = Letter of credit
shipping-lc-none = No letter of credit is recorded for this order.
shipping-lc-number = L/C no.
shipping-lc-bank = Issuing bank
shipping-lc-amount = Amount
shipping-lc-tolerance = Tolerance
shipping-lc-tolerance-percent = Tolerance (± %)
shipping-lc-expiry = Expires on
shipping-lc-latest-shipment = Latest shipment
shipping-lc-presentation = Presentation period
shipping-lc-presentation-days = { $days ->
    [one] 1 day after shipment
   *[other] { $days } days after shipment
}
shipping-lc-presentation-label = Presentation period (days after shipment)
shipping-lc-partial = Partial shipments
shipping-lc-transhipment = Transhipment
shipping-lc-partial-allowed = Partial shipments allowed
shipping-lc-transhipment-allowed = Transhipment allowed
shipping-allowed = Allowed
shipping-not-allowed = Not allowed
shipping-lc-goods = Goods description
shipping-lc-days-to-port = Days from the factory to the port
shipping-days = { $days ->
    [one] 1 day
   *[other] { $days } days
}
shipping-lc-presented = Documents presented on
shipping-lc-not-presented = Not presented yet
shipping-lc-discrepancies = Discrepancies
shipping-lc-no-discrepancies = The documents agree with the credit.
shipping-lc-edit = Record or correct the letter of credit
shipping-lc-save = Save the letter of credit
shipping-lc-present = Record the presentation

## Files on orders, shipments and purchase-order lines
attach-none = No files yet.
attach-choose = File
attach-document = Attach the received document
attach-upload = Upload
attach-share = Share with the customer
attach-unshare = Stop sharing
attach-shared = Shared with the customer
attach-shared-factory = Shared with the factory
qc-files-title = QC photos and reports
qc-files-hint = Add photos or inspection reports of this line (images or PDF).

## Upload answers the page reads back from its address
files-too-large = The file is larger than 10 MB, the most one upload may be.
files-too-many = This record already holds 20 files, the most it can.
files-empty = Choose a file to upload.
files-bad-form = The upload could not be read. Try again.
files-only-order-files-shared = Only files of an order or a shipment can be shared with the customer.

## Shipments, documents, payments: server answers
instalment-deposit = Deposit
instalment-balance = Balance
instalment-deposit-in-text = deposit
instalment-balance-in-text = balance
due-event-bl-issued = when the bill of lading is issued
due-event-documents-presented = when the documents are presented to the bank
payment-reminder-due-soon = Please arrange the payment in time.
payment-reminder-overdue = The payment is overdue; please pay it as soon as you can.
customs-status-unknown = Choose a customs status.
customs-date-future = The customs date cannot be in the future.
shipping-already-departed = This shipment has already departed.
shipping-not-departed = This shipment has not departed yet.
shipping-already-arrived = This shipment has already arrived.
shipping-override-needed = The documents disagree. Fix them, or give the reason the shipment goes anyway.
shipping-text-too-long = This is too long.
shipping-etd-required = Enter the planned departure date.
shipping-container-line = One container per line: its number, then the seal number and the size.
shipping-line-unknown = This line is not on the order.
shipping-quantity-number = Enter the quantity as a whole number.
shipping-gross-below-net = The gross weight cannot be below the net weight.
shipping-packing-numbers = Enter cartons as a whole number, weights in kg and volume in m³.
shipping-no-lines = Put at least one line on the shipment.
documents-not-generated = The portal does not make this document; attach the file you received.
documents-wrong-record = A proforma invoice belongs to the order, invoices and packing lists to a shipment.
documents-state-unknown = Choose what happened to the document.
documents-send-needs-file = Attach the document before sending it.
lc-bad-days-to-port = Enter the days from the factory to the port as a whole number up to 120.
lc-presented-future = The presentation date cannot be in the future.

## Complaints: what they are about, their handling, the complaint form
complaint-category-quality = Quality
complaint-category-short_quantity = Short quantity
complaint-category-damage = Damage
complaint-category-late_delivery = Late delivery
complaint-category-wrong_documents = Wrong documents
complaint-category-other = Other
complaint-remedy-replacement = Replacement
complaint-remedy-credit_note = Credit note
complaint-remedy-discount = Discount
complaint-remedy-rework = Rework
complaint-cause-material = Material
complaint-cause-workmanship = Workmanship
complaint-cause-design = Design
complaint-cause-packaging = Packaging
complaint-cause-transport = Transport
complaint-cause-documentation = Documentation
complaint-cause-factory_supplier = Supplier of the factory
complaint-cause-other = Other
complaint-status-open = Open
complaint-status-acknowledged = Acknowledged
complaint-status-investigating = Under investigation
complaint-status-remedy_proposed = Remedy proposed
complaint-status-accepted = Remedy accepted
complaint-status-closed = Closed
complaint-side-house = Trading house
complaint-side-customer = Customer
complaint-side-factory = Factory
complaint-step-acknowledge = Acknowledge
complaint-step-start_investigation = Start the investigation
complaint-step-propose_remedy = Propose a remedy
complaint-step-accept = Accept the remedy
complaint-step-decline = Decline the remedy
complaint-step-close = Close the complaint
complaint-step-reopen = Reopen the complaint
complaint-step-pass_to_factory = Pass to the factory
complaint-step-factory_answer = Send the factory's answer
complaint-error-not-your-step = That step is not yours to take.
complaint-error-not-now = That step is not possible while the complaint is at “{ $status }”.
complaint-error-not-with-factory = The complaint has not been passed to the factory.
complaint-error-already-with-factory = The complaint is with the factory already, waiting for its answer.
complaint-field-unknown-category = Choose what the complaint is about.
complaint-field-unknown-remedy = Choose the remedy you ask for.
complaint-field-required = Fill in this field.
complaint-field-too-short = Describe the problem in at least { $min } characters.
complaint-field-too-long = Use at most { $max } characters.
complaint-field-bad-characters = Keep this on one line, without control characters.
complaint-field-quantity-not-whole = Enter the quantity affected as a whole number, like 12.
complaint-field-quantity-below-one = At least one piece must be affected.
complaint-field-quantity-above-shipped = That is more than the { $quantity } shipped.
complaint-field-amount-required = Enter the amount you ask for.
complaint-field-amount-not-money = Enter the amount like 120.50.
complaint-field-amount-not-positive = The amount must be above zero.
complaint-field-amount-above-limit = The amount can be at most { $amount }.
complaint-field-amount-not-for-remedy = Leave the amount empty: only a credit note or a discount comes with one.

## Complaints: working hours and the clocks on the house's answers
weekday-mon = Monday
weekday-tue = Tuesday
weekday-wed = Wednesday
weekday-thu = Thursday
weekday-fri = Friday
weekday-sat = Saturday
weekday-sun = Sunday
working-hours-bad-offset = Enter the time zone as an offset from UTC, like +08:00.
working-hours-bad-time = Enter a time like 09:00.
working-hours-end-not-after-start = The working day must end after it starts.
working-hours-no-days = Choose at least one working day.
working-hours-unknown-day = Choose days from Monday to Sunday.
complaint-clock-first_answer = First answer
complaint-clock-remedy = Remedy
mail-answer-accepted = accepted
mail-answer-declined = declined
mail-clock-first_answer = first answer
mail-clock-remedy = remedy
complaint-clock-running = { $hours } h { $minutes } min left
complaint-clock-due-soon = Due soon: { $hours } h { $minutes } min left
complaint-clock-overdue = Overdue by { $hours } h { $minutes } min
complaint-clock-met-on-time = Met on time
complaint-clock-met-late = Met late
complaint-notice-reminder = Complaint { $number } is due for an answer soon.
complaint-notice-breach = Complaint { $number } is overdue.

## Complaints: the pages' own labels (the server sends categories, statuses, remedies, clocks and thread entries as keys)
nav-complaints = Complaints
order-file-complaint = Report a problem with this order
complaints-title = Complaints
complaints-intro-customer = Problems you reported with delivered goods, and how we are resolving them. To report a new one, open the order and choose “Report a problem”.
complaints-intro-house = Customer complaints, open ones first. Answer them before the clocks run out.
complaints-intro-factory = Complaints passed to your factory. Please give the root cause and the corrective action.
complaints-loading = Loading complaints…
complaints-none = No complaints.
complaints-older = Older complaints
complaints-newest = Newest complaints
complaint-col-number = Complaint
complaint-col-order = Order
complaint-col-purchase-order = Purchase order
complaint-col-customer = Customer
complaint-col-category = Problem
complaint-col-status = Status
complaint-col-first-answer = First answer
complaint-col-remedy = Remedy
complaint-col-filed = Reported
complaint-clock-due = due
complaint-new-title = Report a problem
complaint-new-intro = Tell us what is wrong with the goods and what you would like us to do.
complaint-new-order-link = Back to the order
complaint-new-line-note = This report is about one line of the order.
complaint-new-category = What is wrong
complaint-new-quantity = Quantity affected
complaint-new-description = Description
complaint-new-remedy = Remedy you ask for
complaint-new-amount = Amount (for a credit note or discount)
complaint-new-amount-hint = Leave the amount empty for a replacement or rework.
complaint-new-send = Send the complaint
complaint-option-category-quality = Quality
complaint-option-category-short_quantity = Short quantity
complaint-option-category-damage = Damage
complaint-option-category-late_delivery = Late delivery
complaint-option-category-wrong_documents = Wrong documents
complaint-option-category-other = Other
complaint-option-remedy-replacement = Replacement
complaint-option-remedy-credit_note = Credit note
complaint-option-remedy-discount = Discount
complaint-option-remedy-rework = Rework
complaint-back = ← All complaints
complaint-not-found = Complaint not found
complaint-page-title = Complaint { $number }
complaint-fact-first-answer = First answer
complaint-fact-remedy-clock = Remedy proposed
complaint-fact-line = Line
complaint-fact-category = Problem
complaint-fact-quantity = Quantity affected
complaint-fact-asked = Remedy asked
complaint-fact-factory = Factory
complaint-fact-description = Description
complaint-fact-root-cause = Root cause
complaint-fact-corrective-action = Corrective action
complaint-proposed-title = Proposed remedy
complaint-root-cause-title = The factory’s answer
complaint-thread-title = History
complaint-thread-empty = Nothing yet.
complaint-thread-side-house = Trading house
complaint-thread-side-customer = Customer
complaint-thread-side-factory = Factory
complaint-steps-title = Next steps
complaint-do-acknowledge = Acknowledge
complaint-do-investigate = Start investigating
complaint-do-pass = Pass to the factory
complaint-do-answer = Send the answer
complaint-do-propose = Propose the remedy
complaint-do-accept = Accept the remedy
complaint-do-decline = Decline the remedy
complaint-do-close = Close the complaint
complaint-do-reopen = Reopen the complaint
complaint-form-acknowledge = Acknowledge the complaint
complaint-form-pass = Pass to the factory behind the line
complaint-form-answer = Root cause and corrective action
complaint-form-propose = Propose a remedy
complaint-form-decline = Decline the proposed remedy
complaint-form-reopen = Reopen the complaint
complaint-form-message-acknowledge = First answer to the customer
complaint-form-message-pass = Note for the factory
complaint-form-message-answer = Corrective action
complaint-form-message-propose = What we offer the customer
complaint-form-message-decline = Why you decline
complaint-form-message-reopen = Why the problem is not solved
complaint-propose-remedy = Remedy
complaint-propose-amount = Amount for the customer
complaint-propose-cost = Cost to us
complaint-propose-hint = The amount is for a credit note or a discount; the cost is what the remedy costs the house and is not shown to the customer.

## A complaint's thread
complaint-entry-filed = Complaint filed
complaint-entry-acknowledge = First answer
complaint-entry-investigate = Investigation started
complaint-entry-pass = Passed to the factory
complaint-entry-answer = Factory's root cause and corrective action
complaint-entry-propose = Remedy proposed
complaint-entry-accept = Remedy accepted
complaint-entry-decline = Remedy declined
complaint-entry-close = Closed
complaint-entry-reopen = Reopened
complaint-not-shipped = A complaint can be filed once the order has shipped.
complaint-step-unknown = Choose what to do with the complaint.
complaint-changed = Someone changed this complaint in the meantime. Reload it and try again.
complaint-message-too-long = The message is too long (at most 4000 characters).
complaint-message-needed = Write a few words for the other side.
complaint-no-factory = No factory line is linked to this order line yet.
complaint-root-cause-unknown = Choose a root cause from the list.
complaint-remedy-unknown = Choose a remedy.
complaint-amount-needed = Enter the amount of the credit note or discount, like 120.50.
complaint-amount-not-money = Only a credit note or a discount has an amount.
complaint-cost-money = Enter the cost like 120.50, or leave it empty.

## After-sales figures
scorecard-quality = Complaints
kpi-complaints-title = Complaints
kpi-complaints-rate-title = Complaint rate
kpi-complaints-first-answer = First answer within target · median
kpi-complaints-remedy = Remedy proposed within target · median
kpi-complaints-costs = Remedy costs
kpi-complaints-definition = Complaint rate: complaints filed in the period per order line shipped in it. First answer and remedy: complaints of the period answered (or given a remedy) within the target, measured in the house's working hours, and the median time. Remedy costs: what the remedies proposed for them cost the house, per currency. By product and by factory: complaints about the product or the factory's goods, per line shipped or made ready in the period; a factory's scorecard shows the same figure.
kpi-complaints-count = Complaints
kpi-complaints-lines = Lines
kpi-complaints-rate = Rate
kpi-complaints-product = Product
kpi-complaints-factory = Factory

## Messages: an order's conversation (its customer and the house) and a purchase order's (the house and its factory)
messages-title = Messages
messages-loading = Loading the messages…
messages-empty = No messages yet.
messages-side-house = Trading house
messages-side-customer = Customer
messages-side-factory = Factory
messages-you = You
messages-hint-order-customer = Write to our sales team about this order. Their answers also come to you by e-mail.
messages-hint-order-house = The conversation with the customer about this order. The factory never sees it.
messages-hint-po-factory = Write to the trading house about this purchase order. Their answers also come to you by e-mail.
messages-hint-po-house = The conversation with the factory about this purchase order. The customer never sees it.
messages-body-label = Your message
messages-send = Send
messages-refresh = Check for new messages
message-body-empty = Please write a message.
message-body-too-long = A message can have at most { $max } characters.
message-body-control = A message cannot contain tabs or other control characters.
message-mail-order = order { $number }
message-mail-purchase-order = purchase order { $number }

## Notifications and everyday news
nav-notifications = Notifications
nav-unread = { $count ->
    [one] One unread notification
   *[other] { $count } unread notifications
}
notifications-title = Notifications
notifications-loading = Loading notifications…
notifications-none = Nothing yet: what you are told of by e-mail is listed here too.
notifications-unread = { $count ->
    [0] All read.
    [one] One unread.
   *[other] { $count } unread.
}
notifications-read-all = Mark all read
news-line = { $no }. { $product } × { $quantity } { $unit }: { $date }
news-po-line = { $no }. { $product } × { $quantity }: { $date }
news-po-cancelled = cancelled, as the order it was for was cancelled; please stop work on it
alerts-title = Alerts and news by e-mail
alerts-digest = Collect delay alerts into one e-mail a day
alerts-hint = Each delay alert comes once when a line slips into a worse level, and once when it is back on track. You can also turn alerts off for a single order on its page. What you choose here is also what your notification list shows.
alerts-saved = Saved.
alerts-kind-not-offered = That alert is not offered to you.
alerts-save = Save alert choices
alert-kind-supplier_slip = A factory is late
alert-kind-customer_slip = An order line will be late
alert-kind-back_on_track = A late line is back on track
alert-kind-overdue = A committed date passed
alert-kind-stale_reminder = Reminder to report progress
alert-kind-message_received = A new message on an order or purchase order
alert-kind-po_placed = A new purchase order
alert-kind-po_changed = A purchase order changed or cancelled
alert-kind-order_confirmed = An order is confirmed
alert-kind-order_shipped = An order has shipped (vessel and arrival date)
alert-kind-order_arrived = An order has arrived
alert-kind-payment_recorded = A payment was recorded
## Complaints: the house's settings on the admin page (clocks, working hours, root causes)
complaint-target-bad-format = Enter whole hours, like 4, or hours and minutes, like 1:30.
complaint-target-zero = A target must be at least one minute.
complaint-target-too-long = A target can be at most { $hours } hours.
complaint-target-remedy-before-answer = The remedy cannot be due before the first answer.
complaint-cause-label-required = Give the root cause a name.
complaint-cause-label-too-long = Keep the name to { $max } characters at most.
complaint-cause-label-bad-characters = Keep the name on one line, without control characters.
complaint-cause-duplicate = That root cause is on the list already.
complaint-settings-title = Complaint clocks and root causes
complaint-settings-intro = How long the house may take to give a complaint its first answer and to propose a remedy, counted in working hours only, and the root causes a factory chooses from. New targets and hours apply to complaints filed from now on.
complaint-settings-loading = Loading the complaint settings…
complaint-settings-first-answer = First answer within (hours)
complaint-settings-remedy = Remedy proposed within (hours)
complaint-settings-target-hint = Counted in working time: whole hours, like 4, or hours and minutes, like 1:30.
complaint-settings-zone = Time zone (offset from UTC)
complaint-settings-start = Work starts
complaint-settings-end = Work ends
complaint-settings-days = Working days
complaint-settings-hours-hint = Times on the 24-hour clock, like 09:00 and 18:00 (24:00 is the end of the day); the time zone as an offset from UTC, like +08:00 for Hong Kong. Outside these hours the clocks stand still.
complaint-settings-saved = Saved.
complaint-settings-save = Save the clocks
complaint-settings-causes = Root causes
complaint-settings-causes-hint = A factory chooses one of these when it answers a complaint. The built-in ones always stay; the house can add its own.
complaint-settings-cause-built-in = built in
complaint-settings-cause-own = added by the house
complaint-settings-new-cause = New root cause
complaint-settings-add-cause = Add the root cause

upload-picture-or-pdf-only = Only pictures (PNG, JPEG, WebP, GIF) and PDF files can be added here.
## A complaint's photos and reports
complaint-files-title = Photos and reports
complaint-files-hint-customer = Add photos of the problem, or a report as PDF.
complaint-files-hint-house = The factory sees these files once the complaint is passed to it; the customer sees its own and those you share.
complaint-files-hint-factory = Add photos of the root cause or of the corrective action, or a report as PDF.
complaint-files-closed = This complaint is closed. Reopen it to add photos.
file-uploaded-by-own = Uploaded by your company
file-uploaded-by-house = Uploaded by the trading house
file-uploaded-by-customer = Uploaded by the customer

## The account page: the person's own sessions
sessions-title = Where you are signed in
sessions-hint = Every browser that is signed in as you. If you do not recognise one, sign it out and change your password.
sessions-loading = Loading your sessions…
sessions-this-device = This device
sessions-unknown-device = Unknown device
sessions-unknown-address = Unknown address
sessions-address = Address
sessions-signed-in = Signed in
sessions-last-used = Last used
sessions-end = Sign out
sessions-end-others = Sign out everywhere else
sessions-others-ended = { $count ->
    [one] One other session was signed out.
   *[other] { $count } other sessions were signed out.
}
## The admin page: new outside accounts and the audit log
oversight-loading = Loading…
oversight-kind-customer = customer
oversight-kind-supplier = factory
new-accounts-title = New customer and factory accounts
new-accounts-intro = Accounts made for the people of customers and factories in the last 30 days, and who invited each. The company's existing people are told of every new account by mail.
new-accounts-none = No customer or factory account was made in the last 30 days.
new-accounts-person = Person
new-accounts-company = Company
new-accounts-invited-by = Invited by
new-accounts-created = Created
new-accounts-status = Status
new-accounts-signed-in = Signed in
new-accounts-not-yet = Not signed in yet
new-accounts-deactivated = Deactivated
new-accounts-inviter-unknown = Not known
audit-title = Audit log
audit-intro = Sign-ins, sign-outs, invitations, password changes, deactivations and refused access, newest first.
audit-filter-kind = Kind
audit-filter-all = All kinds
audit-filter-person = Person
audit-filter-person-hint = E-mail address
audit-none = No entries match.
audit-shown = Newest first: { $count } entries (at most 200 are shown).
audit-at = When
audit-kind = Kind
audit-actor = Who
audit-target = About
audit-address = Address
audit-detail = Detail
audit-unknown-kind = Choose one of the kinds on the list.
audit-person-too-long = That e-mail address is too long.
audit-kind-login_succeeded = Signed in
audit-kind-login_failed = Sign-in failed
audit-kind-login_blocked = Sign-in blocked
audit-kind-logout = Signed out
audit-kind-session_ended = Session signed out
audit-kind-other_sessions_ended = Other sessions signed out
audit-kind-invitation_sent = Invitation sent
audit-kind-invitation_accepted = Invitation accepted
audit-kind-password_changed = Password changed
audit-kind-password_reset_requested = Password reset asked for
audit-kind-password_reset_completed = Password reset
audit-kind-user_deactivated = Account deactivated
audit-kind-access_denied = Access refused
audit-kind-staff_level_set = Staff level set
audit-kind-house_rules_set = House rules changed
audit-kind-root_cause_added = Root cause added
audit-kind-two_factor_enabled = Two-step sign-in turned on
audit-kind-two_factor_disabled = Two-step sign-in turned off
audit-kind-two_factor_failed = Wrong sign-in code
audit-kind-recovery_codes_issued = Recovery codes issued
audit-kind-recovery_code_used = Recovery code used

## Two-factor sign-in
two-factor-title = Two-factor sign-in
two-factor-intro = With two-factor sign-in on, signing in asks for your password and then for a six-digit code from an authenticator app on your phone (such as Google Authenticator, Microsoft Authenticator, FreeOTP or Aegis). Someone who learns your password still cannot sign in as you.
two-factor-link-hint = A code from an app on your phone at every sign-in, besides your password.
two-factor-manage = Set up or change two-factor sign-in
two-factor-loading = Loading…
two-factor-back = ← Back to your account
two-factor-on = Two-factor sign-in is on.
two-factor-off = Two-factor sign-in is off.
two-factor-required-note = The trading house requires two-factor sign-in of its staff, so it stays on for your account.
two-factor-start = Set up two-factor sign-in
two-factor-setup-hint = In your authenticator app, add an account and type in this key (or open the address below on your phone). The app then shows a new six-digit code every 30 seconds.
two-factor-secret = Key:
two-factor-url = Address for the app:
two-factor-first-code = The code your app shows now
two-factor-confirm = Confirm and turn on
two-factor-codes-title = Your recovery codes
two-factor-codes-hint = Each code signs you in once if your phone is lost. Keep them somewhere safe, away from your phone: they are shown only this once.
two-factor-codes-left = { $count ->
    [one] One unused recovery code left.
   *[other] { $count } unused recovery codes left.
}
two-factor-new-codes = New recovery codes
two-factor-turn-off = Turn two-factor sign-in off
two-factor-password = Your password
two-factor-code = Code
two-factor-code-hint = The six-digit code from your authenticator app, or one of your recovery codes.
two-factor-sign-in-title = Sign-in code
two-factor-code-intro = Your password was right. Now enter the code your authenticator app shows for the portal.
two-factor-enrol-intro = The trading house requires two-factor sign-in of its staff. Set it up now to finish signing in: add the portal to an authenticator app on your phone, then enter the code it shows.
two-factor-verify = Continue
two-factor-continue = Continue to the portal
two-factor-expired = This sign-in has expired or already finished.
two-factor-sign-in-again = Sign in again
two-factor-wrong-code = That code is not right, or was already used. Codes change every 30 seconds; enter the one your app shows now.
two-factor-wrong-password = Your password is not right.
two-factor-already-on = Two-factor sign-in is already on for your account.
two-factor-start-first = Set up two-factor sign-in first, then enter a code.
two-factor-not-on = Two-factor sign-in is not on for your account.
two-factor-required-stays-on = The trading house requires two-factor sign-in of its staff; it cannot be turned off.
two-factor-house-needs-own = Turn on two-factor sign-in for your own account first.
two-factor-rule-title = Two-factor sign-in for staff
two-factor-rule-intro = When required, staff and administrators sign in with a code from an authenticator app besides their password. Anyone of the house without it is signed out and sets it up at their next sign-in. Customers and factories choose for themselves.
two-factor-rule-required = Require two-factor sign-in of staff and administrators
two-factor-rule-save = Save
two-factor-rule-saved = Saved.

## Forms that stay while the page refreshes live
order-form-stale = This order changed since you started. What you typed is kept; sending checks the order again.
## The customer's first page at a glance
glance-title = At a glance
glance-loading = Loading…
glance-on-track = { $count ->
    [0] No orders on track
    [one] One order on track
   *[other] { $count } orders on track
}
glance-at-risk = { $count ->
    [0] None at risk
    [one] One at risk
   *[other] { $count } at risk
}
glance-late = { $count ->
    [0] None late
    [one] One late
   *[other] { $count } late
}
glance-ships-next = What ships next
glance-ships-none = Nothing is booked to ship yet.
glance-departs = { $number } leaves on { $vessel } on { $date }
glance-arrives = { $number } is at sea on { $vessel }, arriving { $date }
glance-waiting = What waits for you
glance-waiting-none = Nothing waits for you.
glance-waiting-more = { $count ->
    [one] One more item waits.
   *[other] { $count } more items wait.
}
glance-wait-quotation = Quotation { $number } to accept or decline
glance-wait-counter = A counter-proposal on order { $number } to answer
glance-wait-remedy = A remedy proposed for complaint { $number } to accept or decline
glance-wait-instalment = A payment on order { $number }
glance-wait-document = A new document on order { $number }: { $name }
glance-due = by { $date }
glance-overdue = overdue since { $date }
## Time zone on the account page
time-zone-title = Time zone
time-zone-label = Show times in
time-zone-hint = Times in the portal and in your e-mails, and the hour your daily digest arrives, follow this zone. Dates such as requested or committed dates are the same everywhere.
time-zone-save = Save time zone
time-zone-suggest = Your browser is set to { $zone }.
time-zone-use = Use { $zone }
time-zone-empty = Choose a time zone.
time-zone-unknown = This is not a time zone we know; choose one from the list.

## Customer, account and sign-in pages
order-back = ← All orders
order-loading = Loading the order…
order-not-found = Order not found
order-heading = Order { $number }
order-value = Order value: { $amount }
order-status-label = Status:
order-status-inquiry = Inquiry
order-status-quoted = Quoted
order-status-confirmed = Confirmed
order-status-in_production = In production
order-status-ready = Ready
order-status-shipped = Shipped
order-status-arrived = Arrived
order-status-settled = Settled
order-status-cancelled = Cancelled
order-badge-unconfirmed = Not confirmed
order-badge-on-track = On track
order-badge-at-risk = At risk
order-badge-late = Late
order-fact-customer = Customer
order-fact-incoterm = Incoterm
order-fact-payment = Payment
order-fact-ship-to = Ship to
order-fact-margin = Margin
order-confirmation-link = Order confirmation ({ $number })
order-move-to = Move to { $status }
order-alerts-off = Alerts for this order are off: turn on
order-alerts-turn-off = Turn off alerts for this order
order-lines = Lines
order-col-product = Product
order-col-qty = Qty
order-col-unit-price = Unit price ({ $currency })
order-col-requested = Requested
order-col-committed = Committed
order-col-forecast = Forecast
order-col-production = Production
order-slip-days = +{ $days } d
order-payment = Payment
order-payment-entry = { $date } · { $amount } · ref. { $reference }
order-paid = Paid { $paid } of { $total } { $currency }
order-outstanding = Outstanding { $amount }
order-production-title = Production updates
order-production-line = Line { $line }: { $milestone }
order-production-ready = ready { $date }
order-production-reason = reason: { $reason }
order-production-note = note: { $note }
order-production-newest = The newest { $count } reports are shown; every milestone reached stays on the timeline.
order-timeline = Timeline
order-timeline-newest = The newest { $count } entries are shown.
order-timeline-all = The whole timeline
timeline-title = Timeline of order { $number }
timeline-back = Back to order { $number }
timeline-older-page = Earlier entries, newest first.
timeline-empty = Nothing has happened on this order yet.
timeline-older = Older entries
timeline-newest = Newest entries
orders-title = Orders
orders-export = Download the order book (CSV)
orders-loading = Loading orders…
orders-none = No orders match.
orders-filter-status = Status
orders-filter-all = All
orders-filter-search = Search
orders-filter-search-hint = Order number or product
orders-filter-customer = Customer
orders-filter-committed-from = Committed from
orders-filter-committed-to = to
orders-filter-at-risk = Slipping or overdue only
orders-col-order = Order
orders-col-customer = Customer
orders-col-status = Status
orders-col-lines = Lines
orders-col-next-committed = Next committed
orders-col-dates = Dates
orders-newest = Newest orders
orders-older = Older orders
orders-new-title = New order
orders-new-customer = Customer
orders-new-currency = Currency
orders-new-incoterm = Incoterm
orders-new-payment-terms = Payment terms
orders-new-ship-to = Ship to
orders-new-lines = Lines
orders-new-line = Line { $line }
orders-new-description = Description / spec
orders-new-unit-price = Unit price
orders-new-create = Create the order
cr-title = Ask for a change
cr-intro = Change what you need and send; the trading house answers, and an approved change reaches the factory.
cr-line = Line { $line } · { $product }
cr-quantity = Quantity ({ $unit })
cr-delivery-date = Delivery date
cr-cancel-line = Cancel this line
cr-description = Description / specification
cr-ship-to = Ship to
cr-add-line = Add a line (optional)
cr-product-code = Product code
cr-added-quantity = Quantity
cr-unit = Unit
cr-note = Note for the trading house
cr-send = Send the change request
landing-title = Every order, every factory, one live view.
landing-lead = Customers follow their orders from inquiry to settlement. Factories report progress in seconds. When production slips, the right people hear about it at once, and agreed changes reach the factory floor.
landing-customers-title = For customers
landing-customers-orders = Your company's orders only, with a live status timeline and the requested, committed and forecast date of every line.
landing-customers-changes = Ask for a change of quantity, spec, delivery date or ship-to, and see the answer here.
landing-suppliers-title = For supplier factories
landing-suppliers-text = The purchase-order lines assigned to you, and a quick form to post milestones, quantities done and a new ready date.
landing-staff-title = For the sales team
landing-staff-text = Change requests to decide, orders at risk before they are late, and which supplier slips most.
landing-status-title = Portal status
landing-status-check = Check the portal
landing-status-checking = Checking…
landing-status-not-checked = Not checked yet.
landing-fact-house = Run by
landing-fact-no-house = No trading house set up yet
landing-fact-customers = Customers
landing-fact-suppliers = Supplier factories
supplier-production-page = Production
supplier-production-title = Production at the factories
supplier-production-line = Production line
supplier-language = Language
supplier-history-lot = lot { $quantity }
account-title = Your account
account-name = Name
account-email = E-mail
account-company = Company
account-role = Role
account-role-admin = Administrator
account-role-staff = Sales staff
account-role-customer = Customer
account-role-supplier = Supplier
account-password-title = Change password
account-password-hint = Changing your password signs you out everywhere else.
account-current-password = Current password
account-new-password = New password (at least 12 characters)
account-password-save = Change password
account-password-changed = Your password has been changed.
invite-title = Accept invitation
invite-welcome = Welcome to the Trade Portal
invite-checking = Checking your invitation…
invite-as = You are invited as
invite-of = of
invite-start = ({ $email }). Choose your password to start.
invite-name = Your name
invite-password = Password (at least 12 characters)
invite-submit = Set password and sign in
login-title = Sign in
login-signed-in-as = You are signed in as { $name }.
login-go-to-area = Go to your area
login-someone-else = or sign in as someone else.
login-email = E-mail
login-password = Password
login-submit = Sign in
login-signing-in = Signing in…
login-forgot = Forgot your password?
reset-title = Reset password
reset-heading = Reset your password
reset-intro = Enter the e-mail address of your account. We will send you a link to choose a new password.
reset-email = E-mail
reset-send = Send the link
reset-new-title = Choose a new password
reset-new-password = New password (at least 12 characters)
reset-save = Save the new password
reset-done = Your password has been changed and every earlier session has ended.
reset-sign-in = Sign in
layout-brand = Trade Portal
layout-nav-label = Main
layout-overview = Overview
layout-sign-in = Sign in
layout-footer = Trade Portal · self-hosted order visibility for export trading companies
error-not-found-title = Not found
error-not-found-heading = Page not found
error-not-found-text = There is nothing at this address, or you may not see it.
error-back-to-overview = Back to the overview
error-forbidden-title = Not allowed
error-forbidden-text = This part of the portal is not open to your account. The menu above shows what you can use.
guard-loading = Loading…
form-saved = Saved.
err-approval-not-waiting = This quotation is not waiting for an approval.
err-approval-comment-too-long = Keep the comment under 2000 characters.
err-approval-decided-first = Someone else decided this step a moment ago. Reload to see the decision.
err-credit-score = Give a score from 0 to 100.
err-credit-note-too-long = Keep the note under 500 characters.
err-quote-inquiry-quoted = This inquiry already has a quotation; open it from the inquiry.
err-quote-only-draft = Only a draft can change; revise the quotation to change it.
err-quote-changed = The quotation changed since you opened it. Reload to see the change.
err-quote-changed-try-again = The quotation changed since you opened it. Reload to see the change, then try again.
err-quote-penalty-too-high = A penalty above 10 % a day is not a real contract term.
err-quote-note-too-long = Keep the note under 2000 characters.
err-quote-no-lines = A quotation needs at least one line.
err-quote-too-many-lines = Quote at most { $max } lines at once.
err-quote-unknown-factory = Choose one of the factories.
err-quote-lead-time = Give the lead time in days, 0 to 365.
err-inquiry-note-too-long = Keep the note under 2000 characters.
err-inquiry-no-lines = Name at least one product.
err-inquiry-too-many-lines = Ask for at most { $max } products at once.
err-rules-step-hours = Give the hours per step, 1 to 168.
err-rules-low-credit-deposit = Low credit cannot pay a smaller deposit than good credit.
err-unknown-language = Unknown language.
err-email-too-long = That e-mail address is too long.
err-link-expired = This link has expired or was already used. Ask for a new one.
err-current-password-wrong = Your current password is not right.
err-wrong-credentials = That e-mail address and password do not match an active account.
err-cr-order-closed = { $status ->
    [arrived] The order is arrived; it can no longer change.
    [settled] The order is settled; it can no longer change.
    [cancelled] The order is cancelled; it can no longer change.
   *[shipped] The order is shipped; it can no longer change.
}
err-cr-nothing-changed = Change at least one value or write a note for the trading house.
err-cr-date-past = The new date cannot be in the past.
err-cr-last-line = An order keeps at least one line; to stop the whole order, write to the trading house.
err-cr-closed-quantity = Quantities cannot change once the goods are made.
err-cr-closed-description = The specification cannot change once the goods are made.
err-cr-closed-date = Delivery dates cannot change once the goods have shipped.
err-cr-closed-ship-to = The ship-to address cannot change once the goods have shipped.
err-cr-closed-add-line = Lines cannot be added once production is over.
err-cr-closed-cancel-line = Lines cannot be cancelled once the goods are made.
## Staff pages: the workspace, KPIs, people, order desk, mail, areas, changes
ws-board-title = At-risk board
ws-board-definition = Open order lines (confirmed, in production or ready) that are overdue (committed date passed, not ready), slipping (forecast after the committed date), waiting for a change decision, waiting for a factory to acknowledge a change, or whose factory has not reported lately. Most urgent first; the board updates by itself.
ws-board-empty = Nothing is at risk.
ws-board-showing = The { $shown } most urgent of { $total }.
ws-board-show-all = Show all { $total }
ws-board-show-fewer = Show the most urgent only
ws-board-capped = More lines may be at risk than the board looks at: it ranks the { $limit } with the earliest committed dates, so each count is at least what it says.
ws-risk-overdue = Overdue
ws-risk-slipping = Slipping
ws-risk-awaiting-decision = Change request to decide
ws-risk-change-not-acknowledged = Change not acknowledged by the factory
ws-risk-stale = No factory report lately
ws-col-order = Order
ws-col-customer = Customer
ws-col-line = Line
ws-col-product = Product
ws-col-committed = Committed
ws-col-forecast = Forecast
ws-col-late-by = Late by
ws-col-also = Also
ws-slip-days = { $days } d
kpi-title = KPIs
kpi-computing = Computing…
kpi-from = From
kpi-to = To
kpi-show = Show
kpi-period-computed = { $from } to { $to } · computed in { $ms } ms
kpi-no-data = no data
kpi-rate = { $percent } % ({ $hits } of { $total })
kpi-spread-days = median { $median } days, 90 % within { $p90 } days ({ $count } cases)
kpi-spread-hours = median { $median } hours, 90 % within { $p90 } hours ({ $count } cases)
kpi-spread-h = median { $median } h, 90 % within { $p90 } h ({ $count } cases)
kpi-hours-minutes = { $hours } h { $minutes } min
kpi-chart-desc = { $axis }, one bar per row.
kpi-cycle-title = Order cycle time
kpi-cycle-definition = Days from confirmation to shipping, for orders shipped in the period.
kpi-on-time-title = On-time delivery
kpi-on-time-definition = Lines of orders shipped in the period (the day the order was marked shipped) on or before their committed date (never the forecast). Lines without a committed date are not counted ({ $count } this period).
kpi-turnaround-title = Change-request turnaround
kpi-turnaround-definition = Hours from a customer's request to the house's decision (approve, reject or counter), for requests decided in the period.
kpi-supplier-title = Supplier on-time
kpi-supplier-definition = Factory lines first reported ready in the period on or before their committed ready date.
kpi-quote-time-title = Inquiry to quotation
kpi-quote-time-definition = Hours from a customer's inquiry to the first quotation sent for it, for inquiries made in the period; { $count } of them not quoted yet.
kpi-approval-time-title = Approval lead time
kpi-approval-time-definition = Hours from submitting a quotation to its last approval, for quotations submitted in the period that were approved at every step.
kpi-win-rate-title = Quotation win rate
kpi-win-rate-definition = Quotations accepted, of those the customers accepted or declined in the period or let expire in it; open, withdrawn and replaced ones do not count.
kpi-alerts-title = Alerts by kind
kpi-alerts-definition = Alert mails queued in the period, by kind (alerts held for a daily digest count once sent).
kpi-col-kind = Kind
kpi-col-mails = Mails
kpi-download-csv = Download as CSV
kpi-scorecards-title = Supplier scorecards
kpi-scorecards-definition = On time: lines first ready in the period by their committed ready date; average days late over the late ones; fresh: open lines reported on within the staleness window, as of today; acknowledgement: hours to acknowledge a change asked in the period, and changes still waiting.
kpi-scorecards-chart = Supplier on-time rate
kpi-scorecards-axis = On time (%)
kpi-col-factory = Factory
kpi-col-on-time = On time
kpi-col-avg-days-late = Avg days late
kpi-col-fresh = Fresh
kpi-col-acknowledgement = Acknowledgement
kpi-col-waiting = Waiting
kpi-pareto-revenue-title = Customers: who makes 80 % of revenue
kpi-pareto-revenue-definition = Value of the orders confirmed in the period (quantity × unit price), per currency, largest first; the vital few are the customers the first 80 % comes from.
kpi-pareto-profit-title = Customers: who makes 80 % of profit
kpi-pareto-profit-definition = Profit of the orders confirmed in the period that came from a costed quotation: per line, quantity × (selling price − the factory's price), per currency, largest first. Orders entered without a quotation carry no purchase price and are not counted.
kpi-pareto-revenue-chart = Share of revenue, { $currency }
kpi-pareto-profit-chart = Share of profit, { $currency }
kpi-pareto-axis = Share (%)
kpi-col-customer = Customer
kpi-col-revenue = Revenue
kpi-col-profit = Profit
kpi-col-share = Share
kpi-col-cumulative = Cumulative
kpi-col-vital-few = Vital few
kpi-vital-yes = yes
kpi-delays-title = Highest delay rates
kpi-delays-definition = Products: lines shipped in the period after their committed date, of lines shipped with one (at least two lines). Factories: lines ready after their committed ready date.
kpi-delays-chart = Products shipped late
kpi-delays-axis = Late (%)
kpi-late-bar = { $percent } % late ({ $late } of { $total })
kpi-col-product = Product
kpi-col-late = Late
kpi-col-lines = Lines
kpi-col-rate = Rate
people-invite-title = Invite someone
people-company = Company
people-role = Role
people-name = Name
people-email = E-mail
people-send-invitation = Send invitation
people-invitation-sent = Invitation sent to { $email }. The link works for 72 hours.
people-status = Status
people-status-active = Active
people-status-invited = Invited
people-status-deactivated = Deactivated
people-role-admin = Administrator
people-role-staff = Sales staff
people-role-customer = Customer
people-role-supplier = Supplier
people-deactivate = Deactivate
people-staff-level = Staff level
people-no-approvals = No approvals
people-set-level = Set
people-rules-title = Quotation rules
people-rules-definition = Which levels approve a quotation, and the deposit a customer's credit calls for. The sales manager approves first, then the cost accountant, then the commercial director.
people-rules-manager-always = The sales manager approves every quotation
people-rules-cost-accountant = Cost accountant below margin (%)
people-rules-director-above = Commercial director above total
people-rules-director-deposit = The commercial director approves a deposit below what credit requires
people-rules-step-hours = Hours per approval step
people-rules-credit-threshold = Low credit below score
people-rules-normal-deposit = Deposit, good credit (%)
people-rules-low-deposit = Deposit, low credit (%)
people-rules-save = Save the rules
desk-factories = Factories
desk-col-line = Line
desk-col-po = PO
desk-factory = Factory
desk-col-milestone = Milestone
desk-col-done = Done
desk-ready-by = Ready by
desk-col-forecast = Forecast
desk-place-title = Place a purchase order
desk-lines = Lines
desk-line-product = Line { $line } · { $product }
desk-place-submit = Place the purchase order
desk-edit-title = Edit the order
desk-payment-terms = Payment terms
desk-ship-to = Ship to
desk-save = Save changes
desk-currency = Currency
desk-incoterm = Incoterm
desk-terms-fixed = Currency, incoterm and lines are fixed since confirmation; they change through a customer's change request.
desk-line-product-code = Product code
desk-line-description = Description / spec
desk-line-hs-code = HS code
desk-line-quantity = Quantity
desk-line-unit = Unit
desk-line-unit-price = Unit price
desk-line-requested = Requested date
desk-new-line = New line
desk-remove = Remove
desk-lines-hint = { $count } line(s); fill the last row to add one.
mail-dead-title = Undelivered mail
mail-dead-intro = Alerts and invitations the mail server refused for good, or that ran out of retries. Fix the cause (an address, the server), then send them again.
mail-dead-none = Every mail was delivered.
mail-col-queued = Queued
mail-col-to = To
mail-col-subject = Subject
mail-col-attempts = Attempts
mail-col-last-error = Last error
mail-send-again = Send again
areas-customer-intro = Your company's orders with the trading house, and the changes you have asked for.
areas-staff-intro = Customers' orders, suppliers' progress and the change requests waiting for a decision.
areas-company = Company
areas-city = City
areas-colleagues = Colleagues on the portal
areas-export-orders = Download my open orders (CSV)
areas-all-orders = All orders
areas-production = Production at the factories
areas-people = People: invite customers' and suppliers' staff
changes-title = Change requests
changes-revision = Revision { $revision } of this order.
changes-status-open = Waiting for a decision
changes-status-approved = Approved
changes-status-rejected = Rejected
changes-status-countered = Counter-proposal to answer
changes-status-accepted = Counter-proposal accepted
changes-status-declined = Counter-proposal declined
changes-status-withdrawn = Withdrawn
changes-asked-by = asked by { $name }
changes-note = Note: { $note }
changes-house-answer = Answer from the trading house: { $answer }
changes-decide-link = Decide this request
changes-accept-counter = Accept the counter-proposal
changes-decline = Decline
changes-withdraw = Withdraw this request
changes-col-change = Change
changes-col-now = Now
changes-col-asked = Asked
changes-col-counter = Counter-proposal
changes-as-asked = as asked
changes-inbox-empty = No change request is waiting.
changes-col-request = Request
changes-col-order = Order
changes-col-customer = Customer
changes-col-waiting-for = Waiting for
changes-col-age = Age
changes-col-changes = Changes
changes-waiting-us = Us
changes-waiting-customer = The customer
changes-age = { $days ->
    [0] today
    [one] 1 day
   *[other] { $days } days
}
changes-request-title = Change request
changes-back = ← All change requests
changes-not-found = Change request not found
changes-request-heading = Change request { $number }
changes-order = order
changes-customer-note = Note from the customer: { $note }
changes-our-answer = Our answer: { $answer }
changes-impact = Impact
changes-factories = Factory lines that change and must be acknowledged: { $lines }
changes-conflicts-title = Conflicts with the order as it is now
changes-conflicts-hint = The order cannot take the change as asked while these stand: reject it with a note, or counter-propose.
changes-decision = Decision
changes-decide = Decide
changes-approve = Approve as asked
changes-counter = Counter-propose (fill in your values below)
changes-reject = Reject (give the reason below)
changes-counter-quantity = Counter quantity
changes-counter-value = Counter value (asked: { $asked })
changes-new-unit-price = Unit price of the new line
changes-hs-code = HS code
changes-answer-label = Message or reason for the customer
changes-send-decision = Send the decision
err-order-stale = Someone changed this order since you opened it. Reload to see the change, then try again.
err-closed = { $action } is not possible while the order is { $status }.
err-action-edit-order = Changing the order
err-action-place-po = Placing a purchase order
err-action-record-payment = Recording a payment
err-action-move-shipment = Moving a shipment
err-action-plan-shipment = Planning a shipment
err-action-change-shipment = Changing a shipment
err-status-inquiry = inquiry
err-status-quoted = quoted
err-status-confirmed = confirmed
err-status-in_production = in production
err-status-ready = ready
err-status-shipped = shipped
err-status-arrived = arrived
err-status-settled = settled
err-status-cancelled = cancelled
err-desk-one-line = An order keeps at least one line.
err-desk-frozen = Fixed since the order was confirmed; ask the customer for a change request.
err-no-such-line = No such line on this order.
err-line-twice = This line appears twice in the form.
err-choose-factory = Choose a factory.
err-line-not-on-order = Line { $line } is not on this order.
err-line-already-placed = Line { $line } is already on { $po }.
err-choose-line = Choose at least one line.
err-choose-customer = Choose a customer.
err-add-line = Add at least one line.
err-change-already-answered = Someone else answered this change request first. Reload to see the decision.
err-change-one-pending = This order already has a change request waiting for an answer; withdraw it or wait for the answer first.
err-change-choose-decision = Choose approve, reject or counter.
err-answer-too-long = Keep the answer under { $max } characters.
err-reject-needs-reason = Give the customer a reason for the rejection.
err-counter-changes-nothing = A counter-proposal changes at least one value; to agree as asked, approve.
err-cancel-as-is = A cancellation is approved or rejected as it is.
err-new-line-price = Give the unit price of the new line { $product }, like 12.50.
err-change-order-moved = The order changed since you opened it. Reload to see the change, then ask again.
err-change-already-acknowledged = This change was already acknowledged.
err-factory-reported-meanwhile = The factory reported on this order a moment ago. Reload to see its report, then decide again.
err-choose-role = Choose a role.
err-email-taken = Someone already has an account with this e-mail address.
err-deactivate-self = You cannot deactivate your own account.
err-choose-staff-level = Choose one of the staff levels.
err-link-not-needed = This link is no longer needed: the person has set a password since, or was deactivated.

## Contract terms in words, the order stages' timeline, the brand mark
terms-words-deposit = Deposit { $percent } of the total
terms-words-balance = Balance: { $balance }
terms-words-latest-shipment = Latest shipment { $date }
terms-words-penalty = Late-delivery penalty { $percent } of the total per day
balance-lc_usance-days = Letter of credit, { $days } days after presentation
stage-timeline-label = Order stages
layout-brand-mark = TP
credit-reason-no-history = No payment record yet: a neutral { $score }.
credit-reason-paid-late = Paid { $days } days late on average (−{ $points }).
credit-reason-overdue = { $amount } overdue, the oldest for { $days } days; { $share } of the record (−{ $points }).
credit-reason-set-by-house = Set to { $score } by the house.

## How numbers, amounts and dates are written
format-group-separator = ,
format-decimal-separator = .
format-money = { $amount } { $currency }
format-date = { $year }-{ $month }-{ $day }
format-date-time = { $date } { $time }
err-unknown-choice = Choose one of the offered options.

## Change requests in words, statuses, and the answers of failed requests
cr-words-quantity = Line { $line } quantity
cr-words-description = Line { $line } description
cr-words-date = Line { $line } delivery date
cr-words-ship-to = Ship-to
cr-words-new-line = New line
cr-words-new-line-priced = { $product } × { $quantity } { $unit }, by { $date }, at { $amount } each
cr-words-new-line-unpriced = { $product } × { $quantity } { $unit }, by { $date }
cr-words-cancelled = Line { $line } cancelled
cr-words-summary-added = { $what }: { $to }
cr-words-summary-removed = { $what } (was { $from })
cr-words-summary-changed = { $what }: { $from } → { $to }
cr-words-not-yours = That is not yours to decide.
cr-words-no-longer-open = This change request is no longer open ({ $status ->
    [open] waiting for a decision
    [approved] approved
    [rejected] rejected
    [countered] counter-proposal to answer
    [accepted] counter-proposal accepted
    [declined] counter-proposal declined
   *[withdrawn] withdrawn
}).
cr-words-closed-now = { $problem } (the order is now { $status ->
    [inquiry] inquiry
    [quoted] quoted
    [confirmed] confirmed
    [in_production] in production
    [ready] ready
    [shipped] shipped
    [arrived] arrived
    [settled] settled
   *[cancelled] cancelled
}.)
cr-words-keeps-a-line = An order keeps at least one line.
cr-words-ship-to-moved = The ship-to address has changed since the request was made (now: { $address }).
cr-words-new-line-date-passed = The new line's date { $date } has passed.
cr-words-new-line-needs-price = The new line { $product } needs a unit price and an HS code.
cr-words-line-gone = Line { $line } is no longer on the order.
cr-words-quantity-moved = Line { $line } quantity is now { $quantity }, not { $was } as when the request was made.
cr-words-description-moved = Line { $line } description has changed since the request was made.
cr-words-date-moved = Line { $line } delivery date is now { $date }, not { $was } as when the request was made.
cr-words-date-passed = Line { $line }'s new date { $date } has passed.
cr-words-line-moved = Line { $line } has changed since the request was made.
cr-words-impact-new-specification = The factory must acknowledge the new specification.
cr-words-impact-date-late = The factory forecasts { $date }, { $days } days after the new date { $to }: the new commitment would start late.
cr-words-impact-date-fits = The factory forecasts { $date }, which fits the new date { $to }.
cr-words-impact-unplaced = No factory has this line yet; the new date applies when it is placed.
cr-words-impact-no-forecast = The factory has not given a forecast yet.
cr-words-impact-below-made = The factory has already made { $done }; fewer than that is not possible.
cr-words-impact-more = The factory must make { $count } more; it acknowledges the change and can give a new forecast.
cr-words-impact-fewer = The factory makes fewer.
cr-words-impact-cancel-made = The factory has already made { $done }; they are cancelled too.
cr-words-impact-cancelled = The factory line is cancelled.
cr-words-factory-line = { $po } line { $line } ({ $supplier }) for line { $order_line }
api-error-not-found = Not found.
api-error-unauthenticated = Please sign in.
api-error-forbidden = You are not allowed to do that.
api-error-invalid = Please check your input: { $problem }
api-error-rate-limited = { $minutes ->
    [one] Too many attempts. For your security, please wait { $minutes } minute and try again.
   *[other] Too many attempts. For your security, please wait { $minutes } minutes and try again.
}
api-error-unavailable = The portal could not finish this just now. Please try again.
api-error-transport = Could not reach the portal: { $problem }
api-error-unknown-status = Unknown status.
orders-range-backwards = The end of the date range is before its start.
api-error-no-such-step = An order cannot go from { $from } to { $to }.
api-error-not-your-step = You may not move an order from { $from } to { $to }.
api-answer-reset-requested = If an active account uses that address, we have sent it a link to choose a new password. The link works once, for 30 minutes.
## Refusals of typed input (order lines, terms, accounts, quotations)
input-enter = Enter { $what }.
input-too-long = Use at most { $max } characters for { $what }.
input-what-product-code = a product code
input-what-description = a description
input-what-product = what the product is
input-what-unit = a unit
input-what-port = the port
input-what-destination = the destination port or city
input-what-payment-terms = the payment terms
input-what-ship-to = the ship-to address
input-what-carrier = the carrier
input-what-vessel = the vessel or flight
input-what-bank-reference = the bank reference
input-currency-unknown = Unknown currency { $given }; use one of { $choices }.
input-incoterm-unknown = Unknown incoterm { $given }; use one of { $choices }.
input-hs-code = An HS code has 6, 8 or 10 digits, like 8516.71.
input-quantity-not-positive = The quantity must be above zero.
input-quantity-too-large = That quantity is too large.
input-quantity-unreadable = Enter the quantity as a whole number, like 1200.
input-unit-price = Enter the unit price like 12.50.
input-requested-past = The requested date cannot be in the past.
input-amount-unreadable = Enter the amount like 1250.00.
input-usance-days = Enter the usance as whole days from 1 to { $max }.
input-balance-choose = Choose when the balance is due.
input-deposit-unreadable = Enter the deposit as a percentage, like 30 or 12.5.
input-deposit-negative = The deposit cannot be negative.
input-deposit-decimals = Use at most two decimals for the deposit, like 12.25.
input-deposit-too-high = The deposit can be at most 100 %.
input-ready-by-past = The ready date cannot be in the past.
input-ready-by-after-commitment = Line { $line } is committed to the customer for { $date }; the factory must be ready by then.
input-container-no = A container number is four letters and seven digits, like MSCU1234567.
input-transport-document = Enter the B/L or waybill number: 4 to 40 letters, digits or dashes.
input-departure-too-far = The departure date is more than 60 days ahead; record the shipment once it is booked.
input-arrival-before-departure = The arrival date is before the departure date.
input-amount-not-positive = The amount must be above zero.
input-payment-future = A payment cannot be received in the future.
input-payment-above-owed = That is more than the { $amount } still owed on this order.
input-email-empty = Enter an e-mail address.
input-email-no-at = An e-mail address needs an @, like name@example.com.
input-email-malformed = That does not look like an e-mail address (name@example.com).
input-password-too-short = Use at least { $min } characters ({ $so_far } so far); a short sentence works well.
input-password-too-long = Use at most { $max } characters.
input-name-empty = Enter a name.
input-name-too-long = Use at most { $max } characters for the name.
input-name-control = The name cannot contain control characters.
input-quote-overflow = The amounts are too large to calculate; check the quantities and prices.
input-quote-not-allowed = The quotation is { $status }; it cannot be { $step } now.
input-quote-is-draft = draft
input-quote-is-in_approval = in approval
input-quote-is-approved = approved
input-quote-is-sent = sent to the customer
input-quote-is-accepted = accepted
input-quote-is-declined = declined
input-quote-is-expired = expired
input-quote-is-withdrawn = withdrawn
input-quote-is-superseded = replaced by a later revision
input-quote-step-submitted = submitted
input-quote-step-approved = approved
input-quote-step-sent-back = sent back
input-quote-step-sent = sent
input-quote-step-accepted = accepted
input-quote-step-declined = declined
input-quote-step-withdrawn = withdrawn
input-quote-step-revised = revised
input-quote-expired = The quotation was valid until { $date }; it can no longer be accepted or sent.
input-quote-stale-revision = Revision { $revision } was replaced by revision { $current }; only the latest revision can be accepted.
input-quote-unknown-revision = This quotation has no revision { $revision }.
input-quote-line-factory = Line { $line }: choose the factory.
input-quote-line-purchase = Line { $line }: give the factory's price.
input-quote-line-selling = Line { $line }: give the selling price.
input-approval-no-step = There is no such approval step.
input-approval-decided = This step was already decided.
input-approval-closed = This quotation was already sent back; it needs a new revision.
input-approval-not-current = An earlier approval is still open; this step comes after it.
input-approval-comment-needed = Say why you reject it, so sales knows what to change.
