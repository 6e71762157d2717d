import { Field, InputType } from 'type-graphql';
import { DateScalar } from '../shared/scalars.js';

@InputType('PlanCitationInput', { description: 'Trích dẫn kế hoạch — a clause of another document that cites the plan.' })
export class PlanCitationInput {
  @Field(() => String, { nullable: true, description: 'Tệp văn bản trích dẫn — the citing file.' })
  file?: string | null;

  @Field({ description: 'Trích nguyên văn — the citing words.' })
  quote!: string;

  @Field(() => String, { nullable: true, description: 'Nguồn — source.' })
  source?: string | null;
}

@InputType('DocumentReferenceInput', { description: 'Văn bản được dẫn — a document a plan cites.' })
export class DocumentReferenceInput {
  @Field(() => String, { nullable: true, description: 'Số hiệu — document number.' })
  number?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Ngày ban hành — date of issue.' })
  date?: string | null;

  @Field(() => String, { nullable: true, description: 'Ngày như ghi trong văn bản — the date as written when incomplete.' })
  dateText?: string | null;

  @Field(() => String, { nullable: true, description: 'Cơ quan ban hành — issuing body.' })
  issuer?: string | null;

  @Field(() => String, { nullable: true, description: 'Loại văn bản — kind of document.' })
  kind?: string | null;

  @Field(() => String, { nullable: true, description: 'Trích yếu — title.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Ghi chú — note.' })
  note?: string | null;

  @Field(() => String, { nullable: true, description: 'Nguồn — source (file § clause).' })
  source?: string | null;
}

@InputType('PlanDocumentInput', {
  description: 'Văn bản kế hoạch — the plan document of a campaign; omitted fields stay as they are on update.',
})
export class PlanDocumentInput {
  @Field(() => String, { nullable: true, description: 'Số hiệu — plan number, e.g. "219/KH-UBND".' })
  number?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Ngày ban hành — date of issue.' })
  date?: string | null;

  @Field(() => String, { nullable: true, description: 'Ngày như ghi trong văn bản — the date as written when incomplete.' })
  dateText?: string | null;

  @Field(() => String, { nullable: true, description: 'Trích yếu — title.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Người ký — signer.' })
  signer?: string | null;

  @Field(() => String, { nullable: true, description: "Chức vụ người ký — signer's title." })
  signerTitle?: string | null;

  @Field(() => String, { nullable: true, description: 'Cơ quan ban hành — issuing body.' })
  issuingBody?: string | null;

  @Field(() => String, { nullable: true, description: 'Tệp nguồn — source file name.' })
  sourceFile?: string | null;

  @Field(() => String, { nullable: true, description: 'Ghi chú — note.' })
  note?: string | null;

  @Field(() => [DocumentReferenceInput], { nullable: true, description: 'Căn cứ pháp lý — legal bases.' })
  legalBases?: DocumentReferenceInput[] | null;

  @Field(() => [DocumentReferenceInput], { nullable: true, description: 'Văn bản khác được dẫn — other documents cited.' })
  citedDocuments?: DocumentReferenceInput[] | null;

  @Field(() => DocumentReferenceInput, { nullable: true, description: 'Kế hoạch cấp trên được dẫn — the parent plan cited.' })
  parentPlanRef?: DocumentReferenceInput | null;

  @Field(() => DocumentReferenceInput, { nullable: true, description: 'Văn bản ban hành kèm — the decision the plan is attached to.' })
  attachedTo?: DocumentReferenceInput | null;

  @Field(() => [PlanCitationInput], {
    nullable: true,
    description: 'Các văn bản khác trích dẫn kế hoạch này — where other documents cite this plan.',
  })
  citedBy?: PlanCitationInput[] | null;
}
