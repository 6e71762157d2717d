import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Capability } from '../shared/capabilities.js';
import { inTransaction, type SubgraphContext } from '../shared/context.js';
import { ListType, PageArgs, SortArgs, type SortRequest, toPage } from '../shared/paging.js';
import { RecognitionOrderField } from './criteria.enums.js';
import { RecognitionDecision } from './recognition.entity.js';
import { RecognitionFilter, RecordRecognitionInput, RevokeRecognitionInput } from './recognition.input.js';
import { RecognitionService } from './recognition.service.js';

export const RecognitionDecisionList = ListType(
  RecognitionDecision,
  'RecognitionDecisionList',
  'Một trang quyết định công nhận — a page of recognition decisions.',
);

const RecognitionSort = SortArgs(RecognitionOrderField, RecognitionOrderField.DECIDED_ON);

@Resolver(() => RecognitionDecision)
export class RecognitionResolver {
  @Query(() => RecognitionDecisionList, {
    description: 'Danh sách quyết định công nhận theo bộ lọc, có phân trang — recognition decisions matching a filter, paged (by date).',
  })
  recognitionDecisions(
    @Ctx() ctx: SubgraphContext,
    @Args() page: PageArgs,
    @Arg('filter', () => RecognitionFilter, { nullable: true, description: 'Bộ lọc — the filter.' }) filter?: RecognitionFilter,
    @Args(() => RecognitionSort) sort?: SortRequest<RecognitionOrderField>,
  ) {
    return new RecognitionService(ctx).list(filter ?? {}, toPage(page), RecognitionSort.resolve(sort));
  }

  @Query(() => RecognitionDecision, {
    nullable: true,
    description: 'Quyết định công nhận theo mã định danh (không có: NOT_FOUND) — a recognition decision by id; unknown id: NOT_FOUND.',
  })
  recognitionDecision(
    @Arg('id', () => ID, { description: 'Mã định danh — id.' }) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<RecognitionDecision> {
    return new RecognitionService(ctx).require(id);
  }

  @Authorized(Capability.DECIDE_RECOGNITIONS)
  @Mutation(() => RecognitionDecision, {
    description: 'Ghi nhận quyết định công nhận — record a recognition decision (UNIT_ADMIN or COUNCIL of the issuing unit).',
  })
  recordRecognition(
    @Arg('input', () => RecordRecognitionInput, { description: 'Quyết định — the decision.' }) input: RecordRecognitionInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return ctx.em.transactional((em) => new RecognitionService(inTransaction(ctx, em)).record(input));
  }

  @Authorized(Capability.DECIDE_RECOGNITIONS)
  @Mutation(() => RecognitionDecision, {
    description: 'Thu hồi quyết định công nhận — revoke a recognition (UNIT_ADMIN or COUNCIL of the issuing unit).',
  })
  revokeRecognition(
    @Arg('input', () => RevokeRecognitionInput, { description: 'Thu hồi — the revocation.' }) input: RevokeRecognitionInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return ctx.em.transactional((em) => new RecognitionService(inTransaction(ctx, em)).revoke(input));
  }
}
