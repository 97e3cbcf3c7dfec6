package vn.dieuhanh.platform.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The allowlisted JUEL grammar, on a corpus of accepted and refused expressions. */
class ExpressionGrammarTest {

    @ParameterizedTest
    @ValueSource(strings = {
            // the kinds of expression the project's own models use
            "${reviewer}", "${deadline}", "${unitCode}", "#{assignmentId}", "${leadOutcome == 'completed'}",
            "${handlingDecision == 'requestExtension'}", "${!resultAccepted}", "${nextAlertAt}",
            // the rest of the grammar
            "${a && b || !c}", "${a and b or not c}", "${x > 1 && x <= 10}", "${x gt 1 and x le 10}",
            "${x != null}", "${x ne null}", "${empty reviewer}", "${not empty reviewer}", "${(a + b) * 2 - c / 3 % 4}",
            "${a div 2 mod 3}", "${-x}", "${x ? 'yes' : 'no'}", "${'chuỗi có dấu'}", "${\"double\"}", "${1.5e3}",
            "${true}", "${false}", "${null}", "${15}", "plain text", "", "P3D", "R3/PT10M",
            "Hạn xử lý ${deadline} (giờ Việt Nam)", "${a}${b}", "\\${not evaluated}"})
    void accepts(String expression) {
        assertThat(ExpressionGrammar.check(expression)).as(expression).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('id')}|METHOD_CALL",
            "${execution.getProcessEngineServices().getIdentityService().createMembership('office.clerk','camunda-admin')}|METHOD_CALL",
            "${someBean.doSomething()}|METHOD_CALL",
            "${reviewer.toString()}|METHOD_CALL",
            "${x.y.z()}|METHOD_CALL",
            "${deadline.time}|PROPERTY_ACCESS",
            "${a.b}|PROPERTY_ACCESS",
            "${a['b']}|PROPERTY_ACCESS",
            "${''.class}|PROPERTY_ACCESS",
            "${execution.processEngineServices}|PROPERTY_ACCESS",
            "${execution}|ENGINE_OBJECT",
            "${task}|ENGINE_OBJECT",
            "${processEngine}|ENGINE_OBJECT",
            "${now()}|FUNCTION_CALL",
            "${dateTime()}|FUNCTION_CALL",
            "${S(json)}|FUNCTION_CALL",
            "${currentUser()}|FUNCTION_CALL",
            "${fn:foo(1)}|FUNCTION_CALL",
            "${a == }|UNPARSABLE",
            "${unclosed|UNPARSABLE",
            "${a}#{b}|UNPARSABLE"})
    void refuses(String expression, Refusal reason) {
        assertThat(ExpressionGrammar.check(expression)).as(expression).contains(reason);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "${computeDeadline}|", "#{computeDeadline}|", " ${ computeDeadline } |",
            "${unknownBean}|NOT_A_PROJECT_BEAN", "${dataSource}|NOT_A_PROJECT_BEAN",
            "${computeDeadline.delegate}|PROPERTY_ACCESS", "${computeDeadline.execute(execution)}|METHOD_CALL",
            "computeDeadline|NOT_A_PROJECT_BEAN", "${a ? computeDeadline : other}|NOT_A_PROJECT_BEAN"})
    void delegateExpressionsNameABeanOfTheProject(String expression, Refusal reason) {
        Optional<Refusal> refusal = ExpressionGrammar.checkDelegate(expression, Set.of("computeDeadline")::contains);
        assertThat(refusal).as(expression).isEqualTo(Optional.ofNullable(reason));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"result|", "ketQua_1|", "${x}|NOT_A_NAME", "a.b|NOT_A_NAME"})
    void resultVariablesAreNames(String name, Refusal reason) {
        assertThat(ExpressionGrammar.checkName(name)).isEqualTo(Optional.ofNullable(reason));
    }
}
