import { ArgsType, Field, Float, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../shared/scalars.js';
import { ContributionKind, ContributorKind } from './awards.enums.js';

@InputType('ContributorInput', {
  description:
    'Người đóng góp: id của người đã có, hoặc loại + tên + đơn vị (tìm hoặc tạo mới) — an existing contributor by id, or kind + name + unit (found or created).',
})
export class ContributorInput {
  @Field(() => ID, { nullable: true, description: 'Người đóng góp đã có — an existing contributor.' })
  id?: string | null;

  @Field(() => ContributorKind, { nullable: true, description: 'Loại — kind.' })
  kind?: ContributorKind | null;

  @Field(() => String, { nullable: true, description: 'Tên — name.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Mã GSO của xã hoặc thôn — code of the commune or village.' })
  unitCode?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Ngày đọc mã đơn vị (mặc định: ngày đóng góp) — date the code is read at (default: the contribution date).',
  })
  asOf?: string | null;
}

@InputType('RecordContributionInput', {
  description: 'Ghi nhận đóng góp (ASSESSOR hoặc UNIT_ADMIN của đơn vị người đóng góp) — record a contribution.',
})
export class RecordContributionInput {
  @Field(() => ID, { description: 'Phong trào — the campaign.' })
  campaignId!: string;

  @Field(() => ContributorInput, { description: 'Người đóng góp — the contributor.' })
  contributor!: ContributorInput;

  @Field(() => DateScalar, { description: 'Ngày đóng góp (trong giai đoạn của phong trào) — date, within the campaign period.' })
  date!: string;

  @Field(() => ContributionKind, { description: 'Loại — kind.' })
  kind!: ContributionKind;

  @Field(() => Float, {
    nullable: true,
    description: 'Giá trị (đồng, số nguyên ≥ 0); hoặc số lượng × đơn giá — value in VND (integer ≥ 0); or quantity × unit price.',
  })
  valueVnd?: number | null;

  @Field(() => Float, { nullable: true, description: 'Số lượng (đất, ngày công, tài sản) — quantity.' })
  quantity?: number | null;

  @Field(() => String, { nullable: true, description: 'Đơn vị số lượng — unit of the quantity ("m2", "ngày công").' })
  quantityUnit?: string | null;

  @Field(() => Float, { nullable: true, description: 'Đơn giá địa phương (đồng) — local unit price in VND.' })
  unitPriceVnd?: number | null;

  @Field(() => ContributorInput, { nullable: true, description: 'Người trực tiếp vận động — who mobilised it.' })
  mobilisedBy?: ContributorInput | null;

  @Field(() => String, { nullable: true, description: 'Mô tả — description.' })
  description?: string | null;
}

@InputType('ContributionFilter', { description: 'Bộ lọc đóng góp — filter for contributions; conditions combine with AND.' })
export class ContributionFilter {
  @Field(() => ID, { nullable: true, description: 'Phong trào — campaign.' })
  campaignId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Người đóng góp — contributor.' })
  contributorId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Người vận động — mobilised by this contributor.' })
  mobilisedById?: string | null;

  @Field(() => ID, { nullable: true, description: "Trong địa bàn đơn vị này (mã định danh) — within this unit id's subtree." })
  withinUnitId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Năm — year.' })
  year?: number | null;
}

@InputType('SubjectInput', {
  description: 'Đối tượng: một đơn vị (mã GSO) hoặc một người đóng góp (id) — a unit by code or a contributor by id.',
})
export class SubjectInput {
  @Field(() => String, { nullable: true, description: 'Mã GSO của đơn vị — unit code.' })
  unitCode?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Ngày đọc mã (mặc định 30/6 của năm) — date the code is read at (default 30 June of the year).',
  })
  asOf?: string | null;

  @Field(() => ID, { nullable: true, description: 'Người đóng góp — contributor id.' })
  contributorId?: string | null;
}

@InputType('RecordPreconditionInput', {
  description: 'Ghi nhận điều kiện có/không của đối tượng trong một năm — record a yes/no precondition on a subject for a year.',
})
export class RecordPreconditionInput {
  @Field(() => SubjectInput, { description: 'Đối tượng — the subject.' })
  subject!: SubjectInput;

  @Field({ description: 'Mã điều kiện, ví dụ NO_CAPITAL_CONSTRUCTION_DEBT — key.' })
  key!: string;

  @Field(() => Int, { description: 'Năm — year.' })
  year!: number;

  @Field({ description: 'Đáp ứng — whether it holds.' })
  holds!: boolean;

  @Field(() => String, { nullable: true, description: 'Căn cứ — evidence.' })
  evidence?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Phiên bản đã đọc (bắt buộc khi đã ghi nhận) — the version read; required when it exists.',
  })
  expectedVersion?: number | null;
}

@ArgsType()
export class PreconditionArgs {
  @Field(() => SubjectInput, { description: 'Đối tượng — the subject.' })
  subject!: SubjectInput;

  @Field(() => Int, { nullable: true, description: 'Năm — only this year.' })
  year?: number | null;
}
