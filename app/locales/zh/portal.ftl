# 门户的中文用语。键与 en/portal.ftl 相同；单元测试会检查两个文件的键完全一致。

language-name = 中文

## Navigation
nav-my-orders = 我的订单
nav-my-purchase-orders = 我的采购订单
nav-sales-desk = 销售台
nav-orders = 订单
nav-production = 生产
nav-people = 人员
nav-account = 账户
nav-sign-out = 退出

## Supplier area
supplier-title = 我的采购订单
supplier-intro = 分配给贵厂的采购订单行。进度有变化就随时更新，几秒钟即可完成。
supplier-search = 搜索采购单号或产品
supplier-show = 显示
supplier-show-open = 未完成的行
supplier-show-late = 延误的行
supplier-show-stale = 待更新的行
supplier-show-done = 已备货和已发运
supplier-none = 没有符合条件的行。
supplier-loading = 正在加载…
supplier-line = 第 { $line } 行
supplier-quantity = 数量
supplier-done = 已完成
supplier-milestone = 进度节点
supplier-ready-by = 约定完工日期
supplier-forecast = 预计完工
supplier-update = 更新
supplier-late = 延误
supplier-stale = 已 { $days } 天未更新
supplier-factory = 工厂
supplier-bulk-title = 同一采购单的多行一起更新
supplier-bulk-hint = 勾选同一采购单的行，选择已达到的进度节点，然后应用。
supplier-bulk-apply = 应用到勾选的行
supplier-bulk-done = 已更新 { $count } 行。
supplier-back = ← 返回全部订单行
supplier-post-title = 更新进度
supplier-quantity-done = 已完成数量
supplier-lot = 本批可交货数量（分批交货）
supplier-new-forecast = 预计完工日期
supplier-reason = 原因（日期推迟、节点回退或数量减少时必填）
supplier-note = 给贸易公司的备注（客户看不到）
supplier-post = 提交更新
supplier-posted = 已提交。
supplier-history = 历史记录
supplier-history-empty = 暂无更新。
supplier-committed = 约定完工日期
supplier-closed = 此行已关闭。

## Milestones
milestone-not_started = 未开始
milestone-materials_in = 原料到厂
milestone-in_production = 生产中
milestone-qc_passed = 质检通过
milestone-packed = 已包装
milestone-ready_to_ship = 可发货
milestone-shipped = 已发运

## Progress rules
progress-closed = 此行已关闭（已发运或已取消），不能再更新。
progress-more-than-ordered = 订单数量只有 { $ordered }，已完成数量不能超过它。
progress-negative = 已完成数量不能为负数。
progress-quantity-backwards = 已完成数量原为 { $was }；减少数量请填写原因。
progress-milestone-backwards = 此行原在“{ $was }”；回退节点请填写原因。
progress-forecast-past = 预计完工日期不能早于今天。
progress-later-needs-reason = 预计日期晚于 { $was }；请填写原因。
progress-shipped-incomplete = 只有全部完成的行才能发运（已完成 { $done }/{ $ordered }）。
progress-bad-lot = 本批数量必须大于零且不超过已完成数量。
progress-reason-too-long = 原因请控制在 500 字以内。
progress-note-too-long = 备注请控制在 2000 字以内。
progress-bad-number = 请输入整数，例如 1200。
progress-bad-date = 请输入日期，例如 2027-03-31。
progress-unknown-milestone = 请从列表中选择进度节点。
progress-stale = 您打开此页后有人更新了这一行。请刷新查看，然后重试。
progress-one-po = 请只勾选同一采购单的行。
progress-no-lines = 请至少勾选一行。
progress-too-many-lines = 一次最多汇报 { $count } 行。
search-too-long = 搜索内容最多 100 个字符。
progress-line-problem = 第 { $line } 行：{ $problem }

## Mail
digest-subject = 每日提醒汇总：{ $count } 条
digest-intro = { $name }，您好：以下是自上次汇总以来的情况。

## Change requests
change-ack-title = 待确认的变更
change-ack-intro = 客户订单已变更；请逐条确认已知悉，如交期受影响，请在该行更新预计完工日期。
change-ack-line = { $po } 第 { $line } 行（{ $product }）
change-ack-quantity = 数量：{ $from } → { $to }
change-ack-description = 规格：{ $from } → { $to }
change-ack-ready = 完工期限：{ $from } → { $to }
change-ack-cancelled = 此行已取消，请停止生产。
change-ack-button = 确认
change-ack-done = 已确认
change-decision-open = 已收到
change-decision-approved = 已批准
change-decision-rejected = 已拒绝
change-decision-countered = 对方提出了修改方案
change-decision-accepted = 已按您接受的修改方案变更
change-decision-declined = 已关闭（您拒绝了修改方案）
change-decision-withdrawn = 已撤回

## Scorecard
scorecard-title = 我的评分（近 90 天）
scorecard-on-time = 按时完工
scorecard-days-late = 平均延误天数
scorecard-fresh = 近期有进度更新的在制行
scorecard-acknowledgement = 确认变更所需时间
scorecard-definition = 按时：首次报告完工不晚于约定完工日期的行。近期更新：在提醒期限之内。只统计贵厂自己的行。
