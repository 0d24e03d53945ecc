import type   { StrategicGoalResolvers } from './../../types.generated.js';
    export const StrategicGoal: StrategicGoalResolvers = {
    /* Implement StrategicGoal resolver logic here */
        description: ({ description }, _arg, _ctx) => {
                            /* StrategicGoal.description resolver is required because StrategicGoal.description and StrategicGoalMapper.description are not compatible */
                            return description
                          },
        title: ({ title }, _arg, _ctx) => {
                            /* StrategicGoal.title resolver is required because StrategicGoal.title and StrategicGoalMapper.title are not compatible */
                            return title
                          }
    };