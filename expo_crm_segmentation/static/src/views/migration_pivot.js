import {registry} from "@web/core/registry";
import {pivotView} from "@web/views/pivot/pivot_view";
import {PivotRenderer} from "@web/views/pivot/pivot_renderer";

/**
 * The migration matrix names its axes: rows are the segments in the "from" snapshot,
 * columns in the "to" snapshot (as the matrix wizard says in the action context, else
 * the fields grouped by).
 */
export class ExpoMigrationPivotRenderer extends PivotRenderer {
    static template = "expo_crm_segmentation.MigrationPivotRenderer";

    get axes() {
        const context = this.model.searchParams.context || {};
        const fields = this.model.metaData.fields;
        const label = (groupBys) =>
            groupBys
                .map((groupBy) => fields[groupBy.split(":")[0]]?.string)
                .join(" > ");
        return {
            rows: context.expo_axis_rows || label(this.model.metaData.rowGroupBys),
            columns:
                context.expo_axis_columns || label(this.model.metaData.colGroupBys),
        };
    }
}

registry.category("views").add("expo_migration_pivot", {
    ...pivotView,
    Renderer: ExpoMigrationPivotRenderer,
});
