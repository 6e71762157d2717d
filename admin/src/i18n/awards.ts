/** Labels of the awards pages (forms, standards and their rules, eligibility, contributions, nominations), merged into vi.ts and en.ts. */
export const awardsVi = {
  menu: 'Khen thưởng',
  resources: {
    awardForms: {
      name: 'Hình thức khen thưởng |||| Hình thức khen thưởng',
      fields: { code: 'Mã', rank: 'Thứ bậc', authority: 'Cấp khen', nameVi: 'Tên', nameEn: 'Tên tiếng Anh', classes: 'Hạng', source: 'Căn cứ', note: 'Ghi chú' },
    },
    awardStandards: {
      name: 'Tiêu chuẩn khen thưởng |||| Tiêu chuẩn khen thưởng',
      fields: {
        campaignId: 'Phong trào', occasion: 'Đợt', subjectType: 'Loại đối tượng', subjectLabel: 'Đối tượng (theo kế hoạch)', basis: 'Căn cứ',
        year: 'Năm của đợt', formCode: 'Hình thức khen thưởng', form: 'Hình thức khen thưởng', quota: 'Số lượng tối đa', criteriaText: 'Tiêu chuẩn theo văn bản',
        rule: 'Quy tắc đánh giá', note: 'Ghi chú', source: 'Nguồn', deadline: 'Hạn nộp hồ sơ', key: 'Mã', q: 'Tìm trong nội dung', ruleTree: 'Quy tắc đánh giá',
      },
      pickCampaign: 'Chọn một phong trào để xem các tiêu chuẩn khen thưởng',
      noRule: 'Không đánh giá tự động (hội đồng xét theo văn bản)',
      eligibility: 'Xét điều kiện',
      deadlineSource: { STANDARD: 'nhập cho tiêu chuẩn', MILESTONE: 'theo mốc của phong trào' },
    },
    contributions: {
      name: 'Sổ đóng góp |||| Sổ đóng góp',
      fields: {
        campaignId: 'Phong trào', contributedOn: 'Ngày', date: 'Ngày đóng góp', kind: 'Loại đóng góp', contributor: 'Người đóng góp', valueVnd: 'Giá trị (đồng)',
        quantity: 'Số lượng', quantityUnit: 'Đơn vị số lượng', unitPriceVnd: 'Đơn giá (đồng)', mobilisedBy: 'Người vận động', description: 'Mô tả',
        year: 'Năm', withinUnitId: 'Trong địa bàn', contributorId: 'Người đóng góp (mã)', mobilisedById: 'Người vận động (mã)', valuation: 'Cách tính giá trị',
        'contributor.kind': 'Loại người đóng góp', 'contributor.name': 'Tên người đóng góp', 'contributor.unitCode': 'Xã hoặc thôn của người đóng góp',
        'mobilisedBy.kind': 'Loại người vận động', 'mobilisedBy.name': 'Tên người vận động', 'mobilisedBy.unitCode': 'Xã hoặc thôn của người vận động',
      },
      valuation: { VALUE: 'Nhập giá trị (đồng)', QUANTITY: 'Số lượng × đơn giá địa phương' },
      computed: 'Giá trị quy đổi: %{value}',
      mobilised: 'Do người khác vận động',
    },
    nominations: {
      name: 'Hồ sơ đề nghị khen thưởng |||| Hồ sơ đề nghị khen thưởng',
      fields: {
        subject: 'Đối tượng', status: 'Trạng thái', year: 'Năm xét', occasion: 'Đợt', formCode: 'Hình thức', standard: 'Tiêu chuẩn', standardId: 'Tiêu chuẩn (mã)',
        proposingUnit: 'Đơn vị trình', decidingUnit: 'Đơn vị quyết định', createdAt: 'Ngày lập', campaignId: 'Phong trào', award: 'Quyết định khen thưởng',
      },
      tabs: { overview: 'Hồ sơ', dossier: 'Thành phần hồ sơ', history: 'Lịch sử xử lý' },
      dossier: { item: 'Thành phần', provided: 'Đã có', documentReference: 'Số, ký hiệu văn bản', template: 'Mẫu', save: 'Lưu thành phần hồ sơ', saved: 'Đã lưu thành phần hồ sơ', referenceRequired: 'Cần số, ký hiệu văn bản cho thành phần đã có' },
      history: { at: 'Thời điểm', username: 'Người thực hiện', from: 'Từ', to: 'Sang', reason: 'Lý do, ý kiến' },
      actions: {
        SUBMITTED: 'Trình', APPRAISED: 'Thẩm định', COUNCIL_REVIEWED: 'Hội đồng đã xét', RETURNED: 'Trả lại', DECIDED: 'Ra quyết định',
        title: 'Chuyển hồ sơ sang "%{status}"', reason: 'Lý do, ý kiến', reasonRequired: 'Trả lại hồ sơ phải nêu lý do',
        done: 'Hồ sơ đã chuyển sang "%{status}"', decisionNumber: 'Số quyết định', decidedOn: 'Ngày quyết định', signer: 'Người ký', none: 'Không còn bước nào tiếp theo',
      },
    },
  },
  awards: {
    rule: {
      all: 'Đạt tất cả các điều kiện sau', any: 'Đạt ít nhất một trong các điều kiện sau', group: 'Nhóm', add: 'Thêm điều kiện', addGroup: 'Thêm nhóm',
      remove: 'Xóa', create: 'Lập quy tắc', clear: 'Bỏ quy tắc (không đánh giá tự động)', empty: 'Nhóm chưa có điều kiện',
      kinds: { newlyMetCriteria: 'Tiêu chí đạt mới', recognisedTier: 'Được công nhận', contribution: 'Đóng góp', precondition: 'Điều kiện có/không' },
      baseYear: 'Năm gốc', min: 'Số tiêu chí tối thiểu', include: 'Trong đó có', includeMode: { none: 'không yêu cầu', any: 'ít nhất một trong', all: 'tất cả' },
      criteria: 'Các tiêu chí', byClass: 'Ngưỡng theo phân loại đơn vị', addClass: 'Thêm ngưỡng theo phân loại', unitClass: 'Phân loại', value: 'Ngưỡng',
      ifAwarded: 'Ngưỡng khác nếu đã được khen ở đợt trước', occasion: 'Đợt đã khen', year: 'Năm', countSince: 'Đếm tiêu chí đạt mới từ năm',
      tier: 'Mức công nhận', inYear: 'Năm công nhận', scope: 'Phạm vi', minVnd: 'Giá trị tối thiểu (đồng)', ownMinVnd: 'Phần tự đóng góp tối thiểu (đồng)',
      byClassOwn: 'Phần tự đóng góp tối thiểu theo phân loại', key: 'Mã điều kiện', label: 'Diễn giải',
      text: {
        newlyMet: 'Số tiêu chí đạt mới từ năm %{baseYear} ≥ %{min}', includeAny: 'trong đó có ít nhất một trong: %{list}', includeAll: 'trong đó có tất cả: %{list}',
        byClass: '%{class}: ≥ %{value}', ifAwarded: 'nếu đã được khen ở đợt %{occasion} năm %{year}: ≥ %{min} tiêu chí đạt mới từ năm %{since}',
        recognised: 'Được công nhận %{tier} (%{when})', inYear: { OCCASION: 'trong năm của đợt', PERIOD: 'trong giai đoạn của phong trào', YEAR: 'năm %{year}' },
        own: 'Tự đóng góp ≥ %{min}', mobilised: 'Vận động đóng góp (kể cả phần tự đóng góp) ≥ %{min}', ownShare: 'trong đó tự đóng góp ≥ %{min}',
        precondition: '%{label} (%{key})',
      },
    },
    eligibility: {
      title: 'Xét điều kiện khen thưởng', campaign: 'Phong trào', standard: 'Tiêu chuẩn', year: 'Năm xét', run: 'Xét', eligible: 'Đủ điều kiện',
      subject: 'Đối tượng', condition: 'Điều kiện', passed: 'Đạt', actual: 'Thực tế', required: 'Yêu cầu', none: 'Không có ứng viên',
      count: '%{eligible}/%{total} đối tượng đủ điều kiện', pick: 'Chọn phong trào, tiêu chuẩn có quy tắc và năm xét', hidden: '(tên ẩn)', eligibleOnly: 'Chỉ đối tượng đủ điều kiện',
    },
  },
  enums: {
    AwardAuthority: { STATE: 'Nhà nước', PRIME_MINISTER: 'Thủ tướng Chính phủ', MINISTRY: 'Bộ, ngành Trung ương', PROVINCE: 'Tỉnh', DISTRICT: 'Huyện', COMMUNE: 'Xã' },
    AwardOccasion: { ANNUAL: 'Hằng năm', MID_TERM_REVIEW: 'Sơ kết', FINAL_REVIEW: 'Tổng kết', ANY: 'Không theo đợt' },
    AwardSubjectType: {
      AGENCY: 'Cơ quan, đơn vị', DISTRICT: 'Huyện', COMMUNE: 'Xã', VILLAGE: 'Thôn', ENTERPRISE: 'Doanh nghiệp', COOPERATIVE: 'Hợp tác xã',
      HOUSEHOLD: 'Hộ gia đình', INDIVIDUAL: 'Cá nhân', OTHER: 'Tổ chức khác', ANY: 'Bất kỳ',
    },
    AwardStandardBasis: { PLAN_STANDARD: 'Tiêu chuẩn của kế hoạch', EMULATION_CRITERIA: 'Tiêu chí thi đua (theo quy định)', REFERENCE: 'Quy định ở văn bản khác' },
    AwardUnitClass: {
      ESPECIALLY_DISADVANTAGED: 'Xã đặc biệt khó khăn', HIGH_MOUNTAIN: 'Vùng núi cao', LOW_MOUNTAIN: 'Vùng núi thấp', MOUNTAIN: 'Miền núi',
      LOWLAND: 'Đồng bằng', BORDER: 'Biên giới', COASTAL: 'Ven biển', ISLAND: 'Hải đảo',
    },
    AwardRuleTier: { NTM: 'đạt chuẩn nông thôn mới', ADVANCED: 'nông thôn mới nâng cao', MODEL: 'nông thôn mới kiểu mẫu' },
    AwardRecognitionWindow: { OCCASION: 'Năm của đợt', PERIOD: 'Trong giai đoạn', YEAR: 'Năm cho trước' },
    ContributionScope: { OWN: 'Tự đóng góp', MOBILISED: 'Vận động đóng góp' },
    ContributorKind: { HOUSEHOLD: 'Hộ gia đình', INDIVIDUAL: 'Cá nhân', ENTERPRISE: 'Doanh nghiệp', COOPERATIVE: 'Hợp tác xã', ORGANISATION: 'Tổ chức khác' },
    ContributionKind: { MONEY: 'Tiền', LAND: 'Đất đai', LABOUR: 'Ngày công', ASSETS: 'Tài sản, vật kiến trúc' },
    NominationStatus: { DRAFT: 'Dự thảo', SUBMITTED: 'Đã trình', APPRAISED: 'Đã thẩm định', COUNCIL_REVIEWED: 'Hội đồng đã xét', DECIDED: 'Đã quyết định', RETURNED: 'Trả lại' },
    DossierItemKind: { PROPOSAL_LETTER: 'Tờ trình, văn bản đề nghị', ACHIEVEMENT_SUMMARY: 'Báo cáo thành tích', COUNCIL_MINUTES: 'Biên bản họp Hội đồng', OTHER: 'Khác' },
  },
};

export const awardsEn: typeof awardsVi = {
  menu: 'Awards',
  resources: {
    awardForms: {
      name: 'Award form |||| Award forms',
      fields: { code: 'Code', rank: 'Rank', authority: 'Authority', nameVi: 'Name', nameEn: 'English name', classes: 'Classes', source: 'Basis', note: 'Note' },
    },
    awardStandards: {
      name: 'Award standard |||| Award standards',
      fields: {
        campaignId: 'Campaign', occasion: 'Occasion', subjectType: 'Subject type', subjectLabel: 'Subject (as the plan says)', basis: 'Basis',
        year: 'Occasion year', formCode: 'Award form', form: 'Award form', quota: 'Quota', criteriaText: 'Standard as written',
        rule: 'Evaluable rule', note: 'Note', source: 'Source', deadline: 'Submission deadline', key: 'Key', q: 'Search the text', ruleTree: 'Evaluable rule',
      },
      pickCampaign: 'Pick a campaign to see its award standards',
      noRule: 'Not machine-evaluable (the council judges the text)',
      eligibility: 'Eligibility',
      deadlineSource: { STANDARD: 'entered for the standard', MILESTONE: 'from the campaign milestone' },
    },
    contributions: {
      name: 'Contribution |||| Contributions',
      fields: {
        campaignId: 'Campaign', contributedOn: 'Date', date: 'Date', kind: 'Kind', contributor: 'Contributor', valueVnd: 'Value (VND)',
        quantity: 'Quantity', quantityUnit: 'Unit of quantity', unitPriceVnd: 'Unit price (VND)', mobilisedBy: 'Mobilised by', description: 'Description',
        year: 'Year', withinUnitId: 'Within unit', contributorId: 'Contributor (id)', mobilisedById: 'Mobilised by (id)', valuation: 'Valuation',
        'contributor.kind': 'Contributor kind', 'contributor.name': 'Contributor name', 'contributor.unitCode': "Contributor's commune or village",
        'mobilisedBy.kind': 'Mobiliser kind', 'mobilisedBy.name': 'Mobiliser name', 'mobilisedBy.unitCode': "Mobiliser's commune or village",
      },
      valuation: { VALUE: 'Value in VND', QUANTITY: 'Quantity × local unit price' },
      computed: 'Value: %{value}',
      mobilised: 'Mobilised by someone else',
    },
    nominations: {
      name: 'Nomination |||| Nominations',
      fields: {
        subject: 'Subject', status: 'Status', year: 'Year', occasion: 'Occasion', formCode: 'Form', standard: 'Standard', standardId: 'Standard (id)',
        proposingUnit: 'Proposing unit', decidingUnit: 'Deciding unit', createdAt: 'Created', campaignId: 'Campaign', award: 'Award decision',
      },
      tabs: { overview: 'Nomination', dossier: 'Dossier', history: 'History' },
      dossier: { item: 'Item', provided: 'Provided', documentReference: 'Document reference', template: 'Template', save: 'Save dossier', saved: 'Dossier saved', referenceRequired: 'A provided item needs its document reference' },
      history: { at: 'When', username: 'Who', from: 'From', to: 'To', reason: 'Reason, remarks' },
      actions: {
        SUBMITTED: 'Submit', APPRAISED: 'Appraise', COUNCIL_REVIEWED: 'Council reviewed', RETURNED: 'Return', DECIDED: 'Decide',
        title: 'Move the nomination to "%{status}"', reason: 'Reason, remarks', reasonRequired: 'Returning a nomination needs a reason',
        done: 'The nomination is now "%{status}"', decisionNumber: 'Decision number', decidedOn: 'Decision date', signer: 'Signer', none: 'No further step',
      },
    },
  },
  awards: {
    rule: {
      all: 'All of the following', any: 'At least one of the following', group: 'Group', add: 'Add condition', addGroup: 'Add group',
      remove: 'Remove', create: 'Write a rule', clear: 'Remove the rule (not machine-evaluable)', empty: 'The group has no condition yet',
      kinds: { newlyMetCriteria: 'Newly met criteria', recognisedTier: 'Recognised', contribution: 'Contribution', precondition: 'Yes/no precondition' },
      baseYear: 'Base year', min: 'Minimum criteria', include: 'Including', includeMode: { none: 'nothing required', any: 'any of', all: 'all of' },
      criteria: 'Criteria', byClass: 'Threshold by unit class', addClass: 'Add a class threshold', unitClass: 'Class', value: 'Threshold',
      ifAwarded: 'Different threshold if awarded at an earlier occasion', occasion: 'Occasion awarded', year: 'Year', countSince: 'Count newly met since',
      tier: 'Tier', inYear: 'Recognised in', scope: 'Scope', minVnd: 'Minimum value (VND)', ownMinVnd: 'Minimum own share (VND)',
      byClassOwn: 'Minimum own share by class', key: 'Key', label: 'Label',
      text: {
        newlyMet: 'Criteria newly met since %{baseYear} ≥ %{min}', includeAny: 'including any of: %{list}', includeAll: 'including all of: %{list}',
        byClass: '%{class}: ≥ %{value}', ifAwarded: 'if awarded at the %{occasion} %{year}: ≥ %{min} newly met since %{since}',
        recognised: 'Recognised %{tier} (%{when})', inYear: { OCCASION: "in the occasion's year", PERIOD: 'during the campaign period', YEAR: 'in %{year}' },
        own: 'Own contributions ≥ %{min}', mobilised: 'Mobilised contributions (own included) ≥ %{min}', ownShare: 'own share ≥ %{min}',
        precondition: '%{label} (%{key})',
      },
    },
    eligibility: {
      title: 'Award eligibility', campaign: 'Campaign', standard: 'Standard', year: 'Year', run: 'Check', eligible: 'Eligible',
      subject: 'Subject', condition: 'Condition', passed: 'Passed', actual: 'Actual', required: 'Required', none: 'No candidates',
      count: '%{eligible}/%{total} eligible', pick: 'Pick a campaign, a standard with a rule and a year', hidden: '(name hidden)', eligibleOnly: 'Eligible only',
    },
  },
  enums: {
    AwardAuthority: { STATE: 'State', PRIME_MINISTER: 'Prime Minister', MINISTRY: 'Ministry or central body', PROVINCE: 'Province', DISTRICT: 'District', COMMUNE: 'Commune' },
    AwardOccasion: { ANNUAL: 'Annual', MID_TERM_REVIEW: 'Mid-term review', FINAL_REVIEW: 'Final review', ANY: 'Any time' },
    AwardSubjectType: {
      AGENCY: 'Agency', DISTRICT: 'District', COMMUNE: 'Commune', VILLAGE: 'Village', ENTERPRISE: 'Enterprise', COOPERATIVE: 'Cooperative',
      HOUSEHOLD: 'Household', INDIVIDUAL: 'Individual', OTHER: 'Other organisation', ANY: 'Any',
    },
    AwardStandardBasis: { PLAN_STANDARD: "The plan's standard", EMULATION_CRITERIA: 'Emulation criteria (by law)', REFERENCE: 'Set elsewhere' },
    AwardUnitClass: {
      ESPECIALLY_DISADVANTAGED: 'Especially disadvantaged', HIGH_MOUNTAIN: 'High mountain', LOW_MOUNTAIN: 'Low mountain', MOUNTAIN: 'Mountain',
      LOWLAND: 'Lowland', BORDER: 'Border', COASTAL: 'Coastal', ISLAND: 'Island',
    },
    AwardRuleTier: { NTM: 'new rural', ADVANCED: 'advanced new rural', MODEL: 'model new rural' },
    AwardRecognitionWindow: { OCCASION: "Occasion's year", PERIOD: 'Campaign period', YEAR: 'Given year' },
    ContributionScope: { OWN: 'Own', MOBILISED: 'Mobilised' },
    ContributorKind: { HOUSEHOLD: 'Household', INDIVIDUAL: 'Individual', ENTERPRISE: 'Enterprise', COOPERATIVE: 'Cooperative', ORGANISATION: 'Organisation' },
    ContributionKind: { MONEY: 'Money', LAND: 'Land', LABOUR: 'Labour days', ASSETS: 'Assets' },
    NominationStatus: { DRAFT: 'Draft', SUBMITTED: 'Submitted', APPRAISED: 'Appraised', COUNCIL_REVIEWED: 'Council reviewed', DECIDED: 'Decided', RETURNED: 'Returned' },
    DossierItemKind: { PROPOSAL_LETTER: 'Proposal letter', ACHIEVEMENT_SUMMARY: 'Achievement summary', COUNCIL_MINUTES: 'Council minutes', OTHER: 'Other' },
  },
};
