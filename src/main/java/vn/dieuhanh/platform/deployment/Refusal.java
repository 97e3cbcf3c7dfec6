package vn.dieuhanh.platform.deployment;

/** Why a model is refused: the reason in Vietnamese first, in English in parentheses. */
enum Refusal {
    METHOD_CALL(true, "gọi phương thức", "method calls are not allowed"),
    FUNCTION_CALL(true, "gọi hàm không có trong danh sách cho phép", "functions outside the allowlist are not allowed"),
    PROPERTY_ACCESS(true, "truy cập thuộc tính của đối tượng", "property access is not allowed"),
    ENGINE_OBJECT(true, "tham chiếu đối tượng của engine", "engine objects such as execution or task are not allowed"),
    UNPARSABLE(true, "không phân tích được hoặc ngoài cú pháp cho phép",
            "the expression cannot be parsed or is outside the allowed grammar"),
    NOT_A_PROJECT_BEAN(true, "biểu thức ủy quyền phải có dạng ${tênBean} với một bean của ứng dụng",
            "a delegate expression must be ${beanName} naming a bean of the application"),
    NOT_A_NAME(true, "phải là một tên biến, không phải biểu thức", "must be a variable name, not an expression"),
    SCRIPT_TASK(false, "tác vụ kịch bản", "script tasks are not allowed"),
    SCRIPT(false, "kịch bản", "scripts are not allowed"),
    SCRIPT_LANGUAGE(false, "ngôn ngữ kịch bản", "script languages are not allowed"),
    SCRIPT_RESOURCE(false, "tệp tài nguyên kịch bản (camunda:resource)", "script resources are not allowed"),
    JAVA_CLASS(false, "lớp Java (camunda:class)", "Java classes are not allowed"),
    CONNECTOR(false, "connector", "connectors are not allowed"),
    SERVICE_TYPE(false, "loại tác vụ dịch vụ không được hỗ trợ", "this service task type is not allowed"),
    EXTERNAL_TOPIC(false, "chủ đề external task không có trong danh sách cho phép",
            "the external task topic is not on the allowed list"),
    CMMN(false, "mô hình CMMN không được hỗ trợ", "CMMN models are not allowed"),
    UNREADABLE(false, "không đọc được tệp XML", "the XML file cannot be read");

    private final boolean expression;
    private final String vietnamese;
    private final String english;

    Refusal(boolean expression, String vietnamese, String english) {
        this.expression = expression;
        this.vietnamese = vietnamese;
        this.english = english;
    }

    /** "gọi phương thức (method calls are not allowed)". */
    String reason() {
        return vietnamese + " (" + english + ")";
    }

    /** "Biểu thức không được phép tại phần tử X: gọi phương thức (method calls are not allowed)". */
    String at(String elementId) {
        String what = expression ? "Biểu thức không được phép" : "Thành phần không được phép";
        return what + " tại phần tử " + elementId + ": " + reason();
    }
}
