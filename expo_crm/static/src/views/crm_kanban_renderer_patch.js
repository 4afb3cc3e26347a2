import {patch} from "@web/core/utils/patch";
import {CrmKanbanRenderer} from "@crm/views/crm_kanban/crm_kanban_renderer";

/**
 * Grouped by exhibition edition, the pipeline offers no "add a column": an edition is
 * an event of a series with its dates, not a name typed in a column header.
 */
patch(CrmKanbanRenderer.prototype, {
    canCreateGroup() {
        return (
            super.canCreateGroup(...arguments) &&
            this.props.list.groupByField?.name !== "expo_event_id"
        );
    },
});
