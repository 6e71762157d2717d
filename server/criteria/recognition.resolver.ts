import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { SubgraphContext } from '../shared/context.js';
import { ListType, PageArgs, toPage } from '../shared/paging.js';
import { RecognitionDecision } from './recognition.entity.js';
import { RecognitionFilter, RecordRecognitionInput, RevokeRecognitionInput } from './recognition.input.js';
import { RecognitionService } from './recognition.service.js';

export const RecognitionDecisionList = ListType(RecognitionDecision, 'RecognitionDecisionList', 'Một trang quyết định công nhận — a page of recognition decisions.');

@Resolver(() => RecognitionDecision)
export class RecognitionResolver {
  @Query(() => RecognitionDecisionList, { description: 'Danh sách quyết định công nhận theo bộ lọc, có phân trang — recognition decisions matching a filter, paged (by date).' })
  recognitionDecisions(
    @Ctx() ctx: SubgraphContext,
    @Args() page: PageArgs,
    @Arg('filter', () => RecognitionFilter, { nullable: true, description: 'Bộ lọc — the filter.' }) filter?: RecognitionFilter,
  ) {
    return new RecognitionService(ctx).list(filter ?? {}, toPage(page));
  }

  @Mutation(() => RecognitionDecision, { description: 'Ghi nhận quyết định công nhận — record a recognition decision (UNIT_ADMIN or COUNCIL of the issuing unit).' })
  recordRecognition(@Arg('input', () => RecordRecognitionInput, { description: 'Quyết định — the decision.' }) input: RecordRecognitionInput, @Ctx() ctx: SubgraphContext) {
    return new RecognitionService(ctx).record(input);
  }

  @Mutation(() => RecognitionDecision, { description: 'Thu hồi quyết định công nhận — revoke a recognition (UNIT_ADMIN or COUNCIL of the issuing unit).' })
  revokeRecognition(@Arg('input', () => RevokeRecognitionInput, { description: 'Thu hồi — the revocation.' }) input: RevokeRecognitionInput, @Ctx() ctx: SubgraphContext) {
    return new RecognitionService(ctx).revoke(input);
  }
}
