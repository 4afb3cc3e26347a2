# Copyright 2026 Expo CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Expo CRM Segmentation",
    "summary": "Customer segments, value tiers, churn risk and retention analytics "
    "across exhibition editions",
    "version": "18.0.1.2.0",
    "category": "Sales/CRM",
    "website": "https://github.com/expo-crm/expo-crm",
    "author": "Expo CRM contributors",
    "maintainers": ["expo-crm"],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "installable": True,
    "depends": ["expo_crm", "report_xlsx"],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        "security/expo_crm_segmentation_security.xml",
        "security/ir.model.access.csv",
        "data/ir_cron_data.xml",
        "data/ir_actions_server_data.xml",
        "report/expo_segment_reports.xml",
        "report/expo_retention_report_views.xml",
        "views/res_config_settings_views.xml",
        "views/res_partner_views.xml",
        "views/expo_relationship_views.xml",
        "views/expo_segment_snapshot_views.xml",
        "views/expo_segment_migration_views.xml",
        "views/expo_space_draw_views.xml",
        "views/expo_crm_segmentation_menus.xml",
    ],
    "demo": ["demo/expo_demo_segmentation.xml"],
    "assets": {
        # the pivot view and its renderer load with the reporting views
        "web.assets_backend_lazy": ["expo_crm_segmentation/static/src/views/**/*"],
        "web.assets_tests": ["expo_crm_segmentation/static/tests/tours/*.js"],
    },
}
