/** Every figure of the leadership cockpit, as the cockpit tests and the statement counts ask for it. */
export const COCKPIT = `query ($regionId: ID, $asOf: Date) {
  cockpit(regionId: $regionId, asOf: $asOf) {
    asOf year month region { id name level }
    households { byStatus { status households people } registeredHouseholds registeredPeople poorHouseholds poorPeople allHouseholds
      monitoredObjects monitoringByType { type count } monitoringByRisk { risk count } }
    rates { key name percent numerator denominator targetPercent comparison passed light { light reason { ruleId messageZh } } }
    assistance { helpers pairings pairedHouseholds poorHouseholds poorWithoutHelper visitedThisMonth notVisitedThisMonth
      teams teamMembers teamsBelowStrength minMembers villages villagesWithoutTeam staffing { outcome reasons { ruleId messageZh } } }
    tasks { counts { total done inProgress overdue notStarted }
      byLevel { key name total done overdue } byUnit(first: 5) { key id name total overdue } byGroup { key name total overdue } }
    funds { sources { category name fromYear toYear amountWanYuan } grossWanYuan netWanYuan unexplainedReadings
      readings { fromYear toYear reportedWanYuan grossWanYuan netWanYuan grossDifferenceWanYuan outcome explanation { ruleId messageZh } } }
    projects { projects allocatedWanYuan disbursedWanYuan byState { state projects budgetWanYuan allocatedWanYuan disbursedWanYuan } }
    organisation { villages poorVillages nonPoorWithPoor nonPoor communities units cadres combatGroups meetings { type count } }
    supervision { reportsReceived reportsOpen reportsOverdue accountability { year kind count } assessmentYear assessedVillages
      consolidate rectify yellowCard keyManagement flaggedVillages villagesExited rewardsPaid rewardsWanYuan
      performanceYear unitsAssessed bonusTotalWanYuan bonusCampaignWanYuan bonusSharePercent unitsBelowBonusShare }
    trends { year day poorHouseholds poorPeople registeredHouseholds tasksDone meetings fundsWanYuan }
    warnings { light ruleId count reason { messageZh } link { target households taskStatus unitId reports year } }
  }
}`;
