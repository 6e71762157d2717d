import { Field, InputType, ObjectType } from 'type-graphql';
import { DateScalar } from '../shared/scalars.js';
import { SubMovementKind } from './campaigns.enums.js';

/** Văn bản được dẫn — a document a plan cites: a legal basis, the parent plan, or another reference. */
@ObjectType('DocumentReference', {
  description:
    'Văn bản được dẫn — a document a plan cites (legal basis, parent plan, other reference), kept as a reference whether or not the hub holds it.',
})
export class DocumentReference {
  @Field(() => String, { nullable: true, description: 'Số hiệu, ví dụ "587/QĐ-TTg" — document number (null when the text gives none).' })
  number?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Ngày ban hành — date of issue.' })
  date?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Ngày như ghi trong văn bản khi không đủ ngày tháng ("tháng 5 năm 2022") — the date as written when incomplete.',
  })
  dateText?: string | null;

  @Field(() => String, { nullable: true, description: 'Cơ quan ban hành — issuing body.' })
  issuer?: string | null;

  @Field(() => String, { nullable: true, description: 'Loại văn bản (Quyết định, Nghị quyết …) — kind of document.' })
  kind?: string | null;

  @Field(() => String, { nullable: true, description: 'Trích yếu — title.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Ghi chú — note.' })
  note?: string | null;

  @Field(() => String, { nullable: true, description: 'Nguồn (tệp § điều khoản) — where the plan cites it (file § clause).' })
  source?: string | null;
}

/** Trích dẫn — a clause of another document that cites a plan. */
@ObjectType('PlanCitation', { description: 'Trích dẫn kế hoạch trong văn bản khác — a clause of another document that cites the plan.' })
export class PlanCitation {
  @Field(() => String, { nullable: true, description: 'Tệp văn bản trích dẫn — the citing file.' })
  file?: string | null;

  @Field({ description: 'Trích nguyên văn — the citing words.' })
  quote!: string;

  @Field(() => String, { nullable: true, description: 'Nguồn (tệp § điều khoản) — source.' })
  source?: string | null;
}

/** Văn bản kế hoạch — the document that issues a campaign's plan. */
@ObjectType('PlanDocument', {
  description: "Văn bản kế hoạch — the document that issues a campaign's plan: number, date, signer, legal bases, parent plan.",
})
export class PlanDocument {
  @Field(() => String, { nullable: true, description: 'Số hiệu, ví dụ "219/KH-UBND" — plan number (null when blank in the text).' })
  number?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Ngày ban hành — date of issue.' })
  date?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Ngày như ghi trong văn bản khi không đủ ("tháng 5 năm 2022") — the date as written when incomplete.',
  })
  dateText?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Trích yếu (khi hub không lưu văn bản) — title, where the document itself is not held.',
  })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Người ký — signer.' })
  signer?: string | null;

  @Field(() => String, { nullable: true, description: "Chức vụ người ký — signer's title." })
  signerTitle?: string | null;

  @Field(() => String, { nullable: true, description: 'Cơ quan ban hành — issuing body, e.g. "UBND tỉnh Khánh Hòa".' })
  issuingBody?: string | null;

  @Field(() => String, { nullable: true, description: 'Tệp nguồn — source file name.' })
  sourceFile?: string | null;

  @Field(() => String, { nullable: true, description: 'Ghi chú — note.' })
  note?: string | null;

  @Field(() => [DocumentReference], { description: 'Căn cứ pháp lý — legal bases cited.' })
  legalBases!: DocumentReference[];

  @Field(() => [DocumentReference], { description: 'Văn bản khác được dẫn — other documents cited.' })
  citedDocuments!: DocumentReference[];

  @Field(() => DocumentReference, {
    nullable: true,
    description: 'Kế hoạch cấp trên được dẫn, kể cả khi hub không lưu (219/KH-UBND) — the parent plan cited, kept as a reference.',
  })
  parentPlanRef?: DocumentReference | null;

  @Field(() => DocumentReference, {
    nullable: true,
    description: 'Văn bản ban hành kèm (quyết định ban hành kế hoạch) — the decision the plan is attached to, if any.',
  })
  attachedTo?: DocumentReference | null;

  @Field(() => [PlanCitation], {
    description: 'Các văn bản khác trích dẫn kế hoạch này (kế hoạch quốc gia) — where other documents cite this plan.',
  })
  citedBy!: PlanCitation[];
}

/** What a linked movement is, read and written alike (`SubMovement`, `SubMovementInput`). */
@ObjectType()
@InputType()
export class SubMovementFields {
  @Field({ description: 'Tên — name.' })
  name!: string;

  @Field(() => SubMovementKind, { description: 'Loại — kind.' })
  kind!: SubMovementKind;

  @Field(() => String, { nullable: true, description: 'Ghi chú — note.' })
  note?: string | null;
}

/** Phong trào, cuộc vận động gắn với phong trào thi đua. */
@ObjectType('SubMovement', {
  description: 'Phong trào, cuộc vận động gắn với phong trào thi đua — a movement or drive the plan links to the campaign.',
})
export class SubMovement extends SubMovementFields {
  @Field(() => String, { nullable: true, description: 'Nguồn — source (file § clause).' })
  source?: string | null;
}
