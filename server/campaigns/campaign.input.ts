import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../shared/scalars.js';
import { CampaignStatus } from './campaigns.enums.js';
import { PlanDocumentInput } from './plan-document.input.js';
import { SubMovementFields } from './plan-document.types.js';

@InputType('CampaignFilter', { description: 'Bộ lọc phong trào — filter for campaigns; conditions combine with AND.' })
export class CampaignFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Mã GSO của đơn vị ban hành (mã lúc ban hành) — GSO code of the issuing unit, as it was when the campaign was issued.',
  })
  issuerCode?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Chỉ phong trào con trực tiếp của phong trào này — only direct children of this campaign.',
  })
  parentId?: string;

  @Field(() => Boolean, { nullable: true, description: 'true: chỉ phong trào gốc (không có cấp trên) — true: only root campaigns.' })
  rootOnly?: boolean;

  @Field(() => CampaignStatus, { nullable: true, description: 'Chỉ phong trào ở trạng thái này — only campaigns in this status.' })
  status?: CampaignStatus;

  @Field(() => Int, {
    nullable: true,
    description: 'Chỉ phong trào có giai đoạn chứa năm này — only campaigns whose period includes this year.',
  })
  year?: number;

  @Field(() => String, {
    nullable: true,
    description:
      'Tìm theo tên, khẩu hiệu, số kế hoạch, không phân biệt dấu và hoa thường — search name, slogan and plan number ignoring accents and case.',
  })
  search?: string;
}

@InputType('SubMovementInput', { description: 'Phong trào, cuộc vận động gắn kèm — a linked movement or drive.' })
export class SubMovementInput extends SubMovementFields {
  @Field(() => String, { nullable: true, description: 'Nguồn — source.' })
  source?: string | null;
}

/** What createCampaign and updateCampaign share. */
@InputType('CampaignFieldsInput')
class CampaignFieldsInput {
  @Field(() => String, { nullable: true, description: 'Tên tiếng Anh — name in English.' })
  nameEn?: string | null;

  @Field(() => String, { nullable: true, description: 'Khẩu hiệu — slogan.' })
  slogan?: string | null;

  @Field(() => CampaignStatus, { nullable: true, description: 'Trạng thái — status.' })
  status?: CampaignStatus;

  @Field(() => String, { nullable: true, description: 'Ghi chú về đơn vị ban hành — note on the issuer.' })
  issuerNote?: string | null;

  @Field(() => String, { nullable: true, description: 'Ghi chú — note.' })
  note?: string | null;

  @Field(() => String, { nullable: true, description: 'Nguồn (tệp § điều khoản) — source.' })
  source?: string | null;

  @Field(() => PlanDocumentInput, { nullable: true, description: 'Văn bản kế hoạch — the plan document.' })
  plan?: PlanDocumentInput | null;

  @Field(() => [SubMovementInput], { nullable: true, description: 'Phong trào, cuộc vận động gắn kèm — linked movements and drives.' })
  subMovements?: SubMovementInput[] | null;
}

@InputType('CreateCampaignInput', { description: 'Phong trào mới — a new campaign (UNIT_ADMIN of the issuer).' })
export class CreateCampaignInput extends CampaignFieldsInput {
  @Field({ description: 'Tên phong trào — name.' })
  name!: string;

  @Field({ description: 'Mã GSO của đơn vị ban hành — GSO code of the issuing unit.' })
  issuerCode!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Ngày đọc mã đơn vị (mặc định: ngày kế hoạch, hoặc ngày bắt đầu giai đoạn) — date the code is read at (default: plan date, else period start).',
  })
  asOf?: string;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Văn bản không nêu rõ đơn vị ban hành: issuerCode là đơn vị cấp trên nhỏ nhất được biết — the document does not name its issuer; issuerCode is the smallest enclosing unit known.',
  })
  issuerUnidentified?: boolean;

  @Field(() => ID, {
    nullable: true,
    description: "Phong trào cấp trên — the parent campaign (its issuer must lie strictly above this one's).",
  })
  parentId?: string | null;

  @Field(() => DateScalar, { description: 'Ngày bắt đầu giai đoạn — first day of the period.' })
  periodStart!: string;

  @Field(() => DateScalar, { description: 'Ngày kết thúc giai đoạn — last day of the period.' })
  periodEnd!: string;
}

@InputType('UpdateCampaignInput', { description: 'Sửa phong trào — fields to change; omitted fields stay as they are.' })
export class UpdateCampaignInput extends CampaignFieldsInput {
  @Field(() => String, { nullable: true, description: 'Tên phong trào — name.' })
  name?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Ngày bắt đầu giai đoạn — first day of the period.' })
  periodStart?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Ngày kết thúc giai đoạn — last day of the period.' })
  periodEnd?: string;
}

@InputType('DeriveCampaignInput', {
  description:
    "Lập phong trào của đơn vị cấp dưới từ phong trào cấp trên: chép giai đoạn, khẩu hiệu, mốc, đối tượng (không chép chỉ tiêu) — derive a child unit's campaign from its parent's, copying period, slogan, milestones and subjects but not targets.",
})
export class DeriveCampaignInput {
  @Field(() => ID, { description: 'Phong trào cấp trên — the parent campaign.' })
  parentId!: string;

  @Field({ description: "Mã GSO của đơn vị cấp dưới ban hành — GSO code of the child issuer (strictly below the parent's issuer)." })
  issuerCode!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Ngày đọc mã đơn vị (mặc định: ngày bắt đầu giai đoạn) — date the code is read at (default: period start).',
  })
  asOf?: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Tên (mặc định: tên phong trào cấp trên + "trên địa bàn" + tên đơn vị) — name (default: the parent\'s name "on the territory of" the issuer).',
  })
  name?: string;

  @Field(() => String, { nullable: true, description: 'Tên tiếng Anh — name in English.' })
  nameEn?: string | null;

  @Field(() => String, { nullable: true, description: "Khẩu hiệu (mặc định: của cấp trên) — slogan (default: the parent's)." })
  slogan?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Ngày bắt đầu (mặc định: của cấp trên) — period start (default: the parent's)." })
  periodStart?: string;

  @Field(() => DateScalar, { nullable: true, description: "Ngày kết thúc (mặc định: của cấp trên) — period end (default: the parent's)." })
  periodEnd?: string;

  @Field(() => CampaignStatus, { nullable: true, description: 'Trạng thái (mặc định DRAFT) — status (default DRAFT).' })
  status?: CampaignStatus;

  @Field(() => PlanDocumentInput, { nullable: true, description: "Văn bản kế hoạch — the child's plan document." })
  plan?: PlanDocumentInput | null;
}

/** The `expectedVersion` argument of every update and delete (optimistic locking). */
export const EXPECTED_VERSION = {
  description: 'Phiên bản bạn đã đọc; khác phiên bản hiện tại → CONFLICT — the version you read; a stale one is refused with CONFLICT.',
};
